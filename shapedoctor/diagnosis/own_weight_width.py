"""A layer of the user's own whose weight, made in ``build``, is sized for its input, not for what it multiplies.

keras-io's Antirectifier (r678) concatenates the positive and the negative parts of its input, so the
tensor it multiplies by its kernel is twice as wide as the input: the example makes the kernel
``shape=(output_dim * 2, output_dim)``. Made ``shape=(width, width)``, the product fails inside the
layer's own ``call``: "Dimensions must be equal, but are 256 and 128 ... MatMul".

Evidence, read: TensorFlow's matmul names the tensor's last axis ``a`` and the weight's first axis ``b``
(``a`` a whole multiple or a whole fraction of ``b``); the failing line of the user's layer class
multiplies by ``self.W``, the weight of the failing layer whose shape is the one TensorFlow names; that class's ``build`` makes ``self.W = self.add_weight(shape=(first, ...))``
with ``first`` a name or an expression, written on one line. That ``shape`` is the root cause; the fix
scales ``first`` by the ratio (``width * 2``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def own_weight_width(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``add_weight`` shape of the weight the layer's own matmul refused, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _found(exc: BaseException, finding: Any, recorder: Any):
    from shapedoctor.diagnosis.reaim import culprit_function
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape

    facts = parse(str(exc))
    details = (facts.details or {}) if facts is not None else {}
    if details.get("operation") != "matmul" or len(facts.shapes) != 2:
        return None
    tensor, kernel = (tuple(parse_shape(s) or ()) for s in facts.shapes)
    if len(kernel) != 2 or not tensor or not isinstance(tensor[-1], int) or not isinstance(kernel[0], int):
        return None
    wide, first = tensor[-1], kernel[0]
    if wide % first == 0 and wide > first:
        scale = f" * {wide // first}"
    elif first % wide == 0 and first > wide:
        scale = f" // {first // wide}"
    else:
        return None
    found = culprit_function(finding, exc)
    if found is None or found[2].name != "call":
        return None
    path, tree, call = found
    line = finding.culprit.line
    failure = getattr(recorder, "failure", None)
    layer = failure.call.layer if failure is not None else None
    used = {n.attr for n in ast.walk(call) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id == "self" and getattr(n, "lineno", 0) == line
            and tuple(getattr(getattr(layer, n.attr, None), "shape", ()) or ()) == kernel}  # the refused weight
    owner = next((c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and call in c.body), None)
    build = next((m for m in owner.body if isinstance(m, ast.FunctionDef) and m.name == "build"), None) if owner else None
    if build is None:
        return None
    made = []
    for stmt in ast.walk(build):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute) \
                and stmt.targets[0].attr in used and isinstance(stmt.value, ast.Call) \
                and getattr(stmt.value.func, "attr", None) == "add_weight":
            shape = next((k.value for k in stmt.value.keywords if k.arg == "shape"), None)
            if isinstance(shape, (ast.Tuple, ast.List)) and len(shape.elts) == 2 \
                    and not isinstance(shape.elts[0], ast.Constant) and shape.lineno == shape.end_lineno:
                made.append(shape)
    if len(made) != 1 or not linecache.getline(path, made[0].lineno).isascii():
        return None
    return path, owner, made[0], scale, wide, first


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, owner, shape, scale, wide, first = found
    element = shape.elts[0]
    text = linecache.getline(path, element.lineno)[element.col_offset:element.end_col_offset]
    simple = isinstance(element, (ast.Name, ast.Attribute, ast.Subscript, ast.Call))
    edit = TextEdit.replacing(path, element, f"{text if simple else f'({text})'}{scale}")
    fix = script_checked_fix(f"size the weight for the {wide} values it multiplies: {text}{scale}", edit.shown(),
                             display_path(path), shape.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", owner.name, owner.name, display_path(path), shape.lineno,
                            linecache.getline(path, shape.lineno).strip())
    finding.explanation = (
        f"`{owner.name}` multiplies a tensor of {wide} values per sample by a weight it made in `build` with "
        f"{first} rows: a matrix product pairs the tensor's last axis with the weight's first, so both must be "
        f"{wide}. The weight's shape was written for the layer's input, not for the tensor the layer builds from "
        f"it before the product. Make its first axis `{text}{scale}`.")
    finding.fixes = [fix]
    return finding
