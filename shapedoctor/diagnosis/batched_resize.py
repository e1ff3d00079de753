"""Grayscale images resized after ``.batch()`` without a channel axis: the batch is read as one image.

keras-io's reproducibility recipe batches MNIST digits, then maps a preprocessing function over the
batches that scales them and calls ``tf.image.resize(image, (32, 32))`` (r758). The digits come without
a channel axis, so a batch is ``(16, 28, 28)``: three axes, which ``tf.image.resize`` takes for a single
image of height 16, width 28 and 28 channels. It returns ``(32, 32, 28)``; the model's first
convolution refuses three axes, and the batch's 16 labels no longer match the 32 rows of its inputs.
The example adds the channel axis first: ``tf.expand_dims(image, axis=-1)``.

Evidence, recorded and read: the training call got one batch of a ``tf.data`` pipeline whose inputs are
one array with three axes, the first of which is not the labels' batch size (the batch axis was taken
for an image axis); the dataset passed to the call is assigned in the script by a chain that calls
``.map(fn)`` after ``.batch(...)``, ``fn`` a function of the module whose first parameter is passed,
unchanged by any reshaping, as the first argument of ``tf.image.resize``. That resize is the root cause;
the fix gives it the channel axis, ``tf.image.resize(tf.expand_dims(image, -1), ...)``, proven by running
the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_SHAPING = {"expand_dims", "reshape", "newaxis", "stack", "squeeze", "transpose"}


def batched_resize(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the resize that read a batch of channel-less images as one image, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.reaim import first_data_name
    from shapedoctor.diagnosis.training_base import is_shape
    from shapedoctor.trace.sites import imported_names, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None or not c.finished]
    call = calls[-1] if calls else None
    if call is None or call.site is None or not call.batched or call.source != "dataset":
        return None
    x, y = call.x_shapes, call.y_shapes
    if not is_shape(x) or len(x) != 3 or not is_shape(y) or not y or x[0] == y[0]:
        return None
    path = call.site.file
    tree = source_tree(path)
    if "tf" not in imported_names(tree):
        return None
    data = first_data_name(tree, call.site.line, ("fit", "evaluate", "predict"))
    if data is None:
        return None
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    # the module-level statements that assign the name (a call inside a function gets it as a parameter
    # of the same name, as ``train_model(train_data, ...)`` does)
    chains = [s.value for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
              and isinstance(s.targets[0], ast.Name) and s.targets[0].id == data]
    if len(chains) != 1:
        return None
    mapped = _mapped_after_batch(chains[0], functions)
    if mapped is None:
        return None
    resize = _resize_of_first_parameter(mapped)
    if resize is None or resize.lineno != resize.end_lineno or not linecache.getline(path, resize.lineno).isascii():
        return None
    return path, mapped, resize, (x, y)


def _mapped_after_batch(chain: ast.expr, functions: dict) -> ast.FunctionDef | None:
    """The module function a ``.map(fn)`` of *chain* applies after a ``.batch(...)`` of the same chain."""
    steps = []  # method names, outermost (last applied) first
    node = chain
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        steps.append((node.func.attr, node))
        node = node.func.value
    steps.reverse()  # in the order they are applied
    batched = False
    found = []
    for name, call in steps:
        if name in ("batch", "padded_batch"):
            batched = True
        elif name == "map" and batched and call.args and isinstance(call.args[0], ast.Name) \
                and call.args[0].id in functions:
            found.append(functions[call.args[0].id])
    return found[0] if len(found) == 1 else None


def _resize_of_first_parameter(function: ast.FunctionDef) -> ast.expr | None:
    """The first argument of the one ``tf.image.resize(image, ...)`` in *function*, when it is the function's
    first parameter and no line before it reshapes that parameter."""
    params = [a.arg for a in function.args.args]
    if not params:
        return None
    image = params[0]
    resizes = [c for c in ast.walk(function) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
               and c.func.attr == "resize" and isinstance(c.func.value, ast.Attribute) and c.func.value.attr == "image"
               and c.args and isinstance(c.args[0], ast.Name) and c.args[0].id == image]
    if len(resizes) != 1:
        return None
    before = [n for n in ast.walk(function) if getattr(n, "lineno", resizes[0].lineno) < resizes[0].lineno]
    if any(isinstance(n, ast.Attribute) and n.attr in _SHAPING or isinstance(n, ast.Subscript)
           and isinstance(n.value, ast.Name) and n.value.id == image for n in before):
        return None
    return resizes[0].args[0]


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, function, argument, (x, y) = found
    image = argument.id
    edit = TextEdit.replacing(path, argument, f"tf.expand_dims({image}, -1)")
    fix = script_checked_fix(f"give each image its channel axis before resizing the batch in `{function.name}`: "
                             f"tf.expand_dims({image}, -1)", edit.shown(), display_path(path), argument.lineno,
                             [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", image, "data", path, argument.lineno)
    finding.message = (f"`{function.name}` resizes a batch of images without a channel axis as if it were one "
                       f"image: the batch comes out {x}, with {y[0]} labels")
    finding.explanation = (
        f"`{function.name}` is mapped after `.batch()`, so `{image}` holds a whole batch. Images without a channel "
        f"axis make that batch three axes long, and `tf.image.resize` reads three axes as one image (height, width, "
        f"channels): the batch axis became the height and each image's rows became channels. Its output {x} has "
        f"lost the batch ({y[0]} labels, {x[0]} rows) and has one axis fewer than a convolution needs. Add the "
        f"channel axis before resizing: each batch is then (batch, height, width, 1).")
    finding.fixes = [fix]
    return finding
