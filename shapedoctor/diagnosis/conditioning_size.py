"""A conditioning map used at its own size inside a layer that works at another scale.

keras-io's GauGAN normalises each scale of its generator with SPADE: a layer called on the feature map
and the full-size segmentation mask, which resizes the mask to the feature map before convolving it
(``mask = ops.image.resize(raw_mask, self.resize_shape)``, the size saved in ``build``). Left at its own
32x32, the mask's gamma meets the 4x4 normalised features: "Dimensions must be equal, but are 32 and 4"
inside the layer's ``call`` (r753). Keras names the layer; the walk back can only blame the data.

Evidence, recorded and read: a layer of the user's own refused its inputs with an element-wise op whose
two operands have the spatial sizes of two of the layer's image inputs (same rank, sizes differing), the
first argument's and another's; the layer's ``call`` takes that other input as a parameter. The parameter's
first use in ``call`` is the root cause; the fix resizes it to the first argument's spatial size there:
``ops.image.resize(raw_mask, self.resize_shape)`` when ``build`` saves ``input_shape[1:3]`` in an attribute
that ``call`` never reads, else ``ops.image.resize(raw_mask, ops.shape(features)[1:3])``. It is proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def conditioning_size(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the first use of the input a layer should have resized (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.diagnosis.reaim import user_method
    from shapedoctor.trace.recorder import shape_of

    failure = getattr(recorder, "failure", None)
    if failure is None:
        return None
    layer = failure.call.layer
    if type(layer).__module__.startswith("keras") or len(failure.call.args) < 2:
        return None
    shapes = [shape_of(a) for a in failure.call.args]
    if any(not s or len(s) < 4 for s in shapes) or len({len(s) for s in shapes}) != 1:
        return None
    facts = parse(str(failure.exception))
    if facts is None or len(facts.shapes) != 2:
        return None
    refused = [tuple(parse_shape(s) or ()) for s in facts.shapes]
    spatial = [tuple(s[1:-1]) for s in shapes]
    seen = {tuple(r[1:-1]) for r in refused if len(r) == len(shapes[0])}
    odd = [k for k in range(1, len(shapes)) if spatial[k] != spatial[0] and spatial[k] in seen]
    if spatial[0] not in seen or len(odd) != 1 or None in spatial[0] + spatial[odd[0]]:
        return None
    method = user_method(type(layer), "call")
    if method is None:
        return None
    path, tree, function = method
    params = [a.arg for a in function.args.args]
    if len(params) < 1 + len(shapes):
        return None
    features, cond = params[1], params[1 + odd[0]]
    uses = sorted((n.lineno, n.col_offset, n) for n in ast.walk(function) if isinstance(n, ast.Name)
                  and n.id == cond and isinstance(n.ctx, ast.Load))
    if not uses or not linecache.getline(path, uses[0][0]).isascii():
        return None
    owner = next(c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and function in c.body)
    resize = _resize_name(tree)
    if resize is None:
        return None
    size = _saved_size(owner, function) or f"{resize[:-len('.image.resize')]}.shape({features})[1:3]"
    return path, uses[0][2], cond, f"{resize}({cond}, {size})", spatial[0], spatial[odd[0]], type(layer).__name__


def _resize_name(tree: ast.AST) -> str | None:
    from shapedoctor.diagnosis.reaim import keras_ops_name
    from shapedoctor.trace.sites import imported_names

    ops = keras_ops_name(tree)
    if ops is not None:
        return f"{ops}.image.resize"
    return "tf.image.resize" if "tf" in imported_names(tree) else None


def _saved_size(owner: ast.ClassDef, call: ast.FunctionDef) -> str | None:
    """``self.resize_shape`` when the class's ``build`` saves ``input_shape[1:3]`` (or ``[1:-1]``) in an
    attribute its ``call`` never reads."""
    build = next((m for m in owner.body if isinstance(m, ast.FunctionDef) and m.name == "build"), None)
    if build is None or len(build.args.args) < 2:
        return None
    shape = build.args.args[1].arg
    read = {n.attr for n in ast.walk(call) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id == "self"}
    for stmt in ast.walk(build):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute) \
                and isinstance(stmt.targets[0].value, ast.Name) and stmt.targets[0].value.id == "self" \
                and stmt.targets[0].attr not in read and isinstance(stmt.value, ast.Subscript) \
                and isinstance(stmt.value.value, ast.Name) and stmt.value.value.id == shape \
                and ast.unparse(stmt.value.slice) in ("1:3", "1:-1"):
            return f"self.{stmt.targets[0].attr}"
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, use, cond, resized, size, own, cls = found
    edit = TextEdit.replacing(path, use, resized)
    fix = script_checked_fix(f"resize `{cond}` to the scale `{cls}` works at: {resized}", edit.shown(),
                             display_path(path), use.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", cond, cls, path, use.lineno)
    finding.explanation = (
        f"`{cls}` works at the {size} scale of its first input, but `{cond}` comes in at {own}, and what "
        f"`{cls}` computes from it keeps that size: an element-wise op then pairs a {own} map with a {size} "
        f"one. Bring `{cond}` to the first input's scale where `{cls}` first uses it.")
    finding.fixes = [fix]
    return finding
