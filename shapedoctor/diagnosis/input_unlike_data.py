"""An ``Input`` declared unlike the data the script already holds for that model.

The VQ-VAE example builds its PixelCNN prior on the grid of codebook indices, one integer per
encoder position: ``Input(shape=encoded_outputs.shape[1:-1])``, (7, 7). Writing ``shape[1:]``
keeps the latent axis, (7, 7, 16), the one-hot of the indices gets five axes, and the first masked
convolution refuses them while the model is being built (r662). Keras names the convolution; no
layer edit makes the model fit the (n, 7, 7) grid that ``pixel_cnn.fit(codebook_indices, ...)``
will pass a few lines later, and that array already exists when the build fails.

Evidence, recorded and read: a wrong-rank finding whose shape path starts at an ``Input``; the
``Input`` is bound at the script's top level, a ``Model`` is made from it there, and every
``fit``/``predict``/``evaluate``/``train_on_batch`` call of that model further down the script passes a
name that already holds an array (as the build failed) whose sample shape is the declared one without
the axes the refusing layer got too many of (or with those it missed), the shared axes equal, or the
same sizes in another order (a channels-first ``Input((3, 96, 96))`` for channels-last patches, r786). The
``Input`` is the root cause; its shape becomes that array's sample shape, ``name.shape[1:]`` (the declared
numbers reordered, ``(96, 96, 3)``, for an order slip), proven by running the patched script. Fixes that keep the declaration are withdrawn: the model they build
still cannot take the data.
"""

from __future__ import annotations

import ast
from typing import Any

_CALLS = {"fit", "predict", "evaluate", "train_on_batch", "predict_on_batch", "test_on_batch"}


def input_unlike_data(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``Input`` declared unlike the model's later data (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or not finding.path or finding.path[0].cls != "InputLayer":
        return finding
    return reaimed(finding, _found, _aim, exc, finding)


def _found(exc: BaseException, finding: Any):
    from shapedoctor.diagnosis.reaim import script_frame
    from shapedoctor.trace.sites import called_name, source_tree

    where = script_frame(exc)  # the script's own top-level line that failed
    first = finding.path[0]
    if where is None or not first.line:
        return None
    frame, failed_at = where
    path = frame.f_code.co_filename
    tree = source_tree(path)
    made = [s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Call)
            and called_name(s.value.func) in ("Input", "InputLayer") and s.lineno == first.line]
    if len(made) != 1 or made[0].lineno > failed_at:
        return None
    declaration = made[0].value
    shape = next((k.value for k in declaration.keywords if k.arg == "shape"), None) \
        or (declaration.args[0] if declaration.args else None)
    if shape is None or shape.lineno != shape.end_lineno:
        return None
    name = made[0].targets[0].id
    models = [s.targets[0].id for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
              and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Call)
              and called_name(s.value.func) == "Model" and s.lineno > failed_at and _takes(s.value, name)]
    if len(models) != 1:
        return None
    scope = {**frame.f_globals, **frame.f_locals}
    data = {node.args[0].id for s in tree.body if s.lineno > failed_at for node in ast.walk(s)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CALLS
            and isinstance(node.func.value, ast.Name) and node.func.value.id == models[0]
            and node.args and isinstance(node.args[0], ast.Name)}
    if not data or not all(d in scope and _array_like(scope[d]) for d in data):
        return None  # every call's data must already exist as an array
    samples = {tuple(scope[d].shape[1:]) for d in data}
    if len(samples) != 1:
        return None
    sample, declared = samples.pop(), _declared(first.output_shape)
    if not all(isinstance(d, int) for d in sample) or declared is None:
        return None
    permuted = len(declared) == len(sample) and declared != sample and sorted(declared) == sorted(sample)
    if not (permuted or _same_slip(finding, declared, sample)):
        return None
    return path, made[0], shape, sorted(data)[0], sample, permuted


def _same_slip(finding: Any, declared: tuple, sample: tuple) -> bool:
    """The declaration has the axes the layer that refused had too many (or too few) of, and otherwise
    the data's: ``(7, 7, 16)`` for ``(7, 7)`` samples where a layer received one axis too many."""
    if finding.id != "SD101" or not finding.expected or not finding.received:
        return False
    extra = _rank(finding.received) - _rank(finding.expected)
    if extra == 0 or len(declared) - len(sample) != extra:
        return False
    shorter, longer = (sample, declared) if extra > 0 else (declared, sample)
    return longer[:len(shorter)] == shorter


def _reordered(path: str, shape: ast.expr, sample: tuple) -> str | None:
    """The declared tuple's own elements put in the data's axis order (``(3, 96, 96)`` -> ``(96, 96, 3)``),
    when each element is a number."""
    import linecache

    if not isinstance(shape, ast.Tuple) or len(shape.elts) != len(sample) \
            or not all(isinstance(e, ast.Constant) and type(e.value) is int for e in shape.elts):
        return None
    source = "".join(linecache.getlines(path))
    left = list(shape.elts)
    order = []
    for size in sample:
        match = next((e for e in left if e.value == size), None)
        if match is None:
            return None
        left.remove(match)
        order.append(ast.get_source_segment(source, match))
    return "(" + ", ".join(order) + ("," if len(order) == 1 else "") + ")"


def _rank(text: str) -> int:
    return len([p for p in text.strip("() ").split(",") if p.strip()])


def _takes(call: ast.Call, name: str) -> bool:
    """``Model(name, ...)`` or ``Model(inputs=name, ...)``."""
    given = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "inputs"), None)
    return isinstance(given, ast.Name) and given.id == name


def _array_like(value: Any) -> bool:
    shape = getattr(value, "shape", None)
    try:
        return shape is not None and len(tuple(shape)) >= 1 and not callable(value)
    except TypeError:
        return False


def _declared(text: str) -> tuple | None:
    """The sample shape of a printed batch shape, ``(None, 7, 7, 16)`` -> ``(7, 7, 16)``; None unless every
    axis but the batch's is a number."""
    from shapedoctor.messages.shapes import parse_shape

    shape = parse_shape(text)
    return tuple(shape[1:]) if shape and all(isinstance(d, int) for d in shape[1:]) else None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, shape, data, sample, permuted = found
    if not linecache.getline(path, shape.lineno).isascii() or any(
            f.line == statement.lineno and "Input(" in (f.code or "") for f in finding.fixes):
        return finding  # the engine already redeclares this Input (``shape=(28, 28, 1)``): its spelling stays
    written = (_reordered(path, shape, sample) if permuted else None) or f"{data}.shape[1:]"
    edit = TextEdit.replacing(path, shape, written)
    title = f"shape={written}" if permuted else f"shape={written}, {format_shape(sample)}"
    fix = script_checked_fix(f"declare the input like the data the model is given: {title}",
                             edit.shown(), display_path(path), statement.lineno, [edit],
                             cost=1)
    declared = _declared(finding.path[0].output_shape)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", statement.targets[0].id, "Input", path, statement.lineno)
    finding.explanation = (
        f"`{statement.targets[0].id}` declares samples of shape {format_shape(declared)}, but the "
        f"data this model is given further down, `{data}`, has samples of shape {format_shape(sample)}: the "
        "layers were built for the wrong samples, and the first one that cannot take them refuses. "
        f"Declare the input like the data: `shape={written}`. " + finding.explanation)
    finding.fixes = [fix]  # a fix that keeps the declaration leaves the model unable to take its data
    return finding
