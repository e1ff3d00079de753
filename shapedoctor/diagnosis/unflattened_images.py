"""Images fed unflattened to a per-vector model in a hand-written training loop: where the dataset is made.

The Keras guide for researchers trains a stack of hand-written ``Linear`` layers (a multilayer
perceptron, ``matmul(inputs, w)`` with ``w`` of (input_shape[-1], units)) in a GradientTape loop over
``Dataset.from_tensor_slices((x_train.reshape(-1, 784) / 255, y_train))``. Without the reshape each
image row is multiplied on its own: the logits come out (64, 28, 10), and the loss refuses them
against one label per image. The loss line is where it fails; the cause is the images, never
flattened where the dataset is made.

Evidence, read: the loss's error names an output with more axes than the labels need; the innermost
user frame computes the loss from a name assigned from ``model(x)``, a model whose layers all act on
vectors (no convolution, recurrent layer, pooling or attention among the layers it holds); ``x`` there is a batch of
images without channels (rank 3) whose rows the output kept (its axis 1 is the images' height); the
loop takes ``x`` from a dataset made on one line by ``from_tensor_slices((A, ...))`` where ``A`` uses a
caller's array of those images. The fix flattens that array there (``a.reshape(-1, h * w)``), proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def unflattened_images(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line that made the dataset of unflattened images (see the module)."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import innermost_user_frame, loss_shapes

    shapes = loss_shapes(exc)
    inner = innermost_user_frame(exc)
    if shapes is None or inner is None:
        return None
    target, output = shapes
    if len(output) < len(target) + 2:
        return None
    frame, line = inner
    file = frame.f_code.co_filename
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    scope = {**frame.f_globals, **frame.f_locals}
    loss_call = next((c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == line and len(c.args) == 2
                      and all(isinstance(a, ast.Name) for a in c.args)), None)
    if loss_call is None:
        return None
    logits = loss_call.args[1].id
    made = [a for a in ast.walk(tree) if isinstance(a, ast.Assign) and a.lineno <= line and len(a.targets) == 1
            and isinstance(a.targets[0], ast.Name) and a.targets[0].id == logits and isinstance(a.value, ast.Call)
            and len(a.value.args) == 1 and isinstance(a.value.args[0], ast.Name)]
    if not made:
        return None
    call = max(made, key=lambda a: a.lineno).value
    x_name = call.args[0].id
    if not isinstance(call.func, ast.Name) or not _per_vector(scope.get(call.func.id)):
        return None
    x = scope.get(x_name)
    shape = tuple(getattr(x, "shape", ()) or ())
    if len(shape) != 3 or len(output) != 3 or shape[1] != output[1] or not all(isinstance(d, int) for d in shape[1:]):
        return None
    loop = next((f for f in ast.walk(tree) if isinstance(f, ast.For) and f.lineno < line <= (f.end_lineno or f.lineno)
                 and x_name in {n.id for n in ast.walk(f.target) if isinstance(n, ast.Name)}), None)
    source = loop.iter if loop is not None else None
    if isinstance(source, ast.Call) and source.args and getattr(source.func, "id", None) == "enumerate":
        source = source.args[0]
    if not isinstance(source, ast.Name):
        return None
    slices = [(a, made) for a in ast.walk(tree) if isinstance(a, ast.Assign) and len(a.targets) == 1
              and isinstance(a.targets[0], ast.Name) and a.targets[0].id == source.id and a.lineno < loop.lineno
              and a.lineno == a.end_lineno and (made := _sliced(a.value)) is not None]
    if len(slices) != 1:
        return None
    images = slices[0][1].args[0].elts[0]
    arrays = [n for n in ast.walk(images) if isinstance(n, ast.Name)
              and tuple(getattr(scope.get(n.id), "shape", ())[1:]) == shape[1:]]
    if len(arrays) != 1:
        return None
    return file, slices[0][0], arrays[0], shape


def _sliced(value: Any) -> ast.Call | None:
    """The ``from_tensor_slices((a, b))`` call at the root of a dataset's method chain, or None."""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        if value.func.attr == "from_tensor_slices":
            return value if value.args and isinstance(value.args[0], ast.Tuple) else None
        value = value.func.value
    return None


_ALONG_AXES = ("Conv", "LSTM", "GRU", "RNN", "Embedding", "Attention", "Pooling", "Flatten", "Reshape")


def _per_vector(model: Any, depth: int = 3) -> bool:
    """*model* (a layer or model) and the layers it holds as attributes act on vectors only: none of
    them works along a sequence or an image (a convolution, a recurrent layer, pooling, attention)."""
    import keras

    if not isinstance(model, keras.layers.Layer):
        return False
    seen, todo = [], [(model, 0)]
    while todo:
        layer, level = todo.pop()
        if any(layer is s for s in seen):
            continue
        seen.append(layer)
        if any(word in type(layer).__name__ for word in _ALONG_AXES):
            return False
        if level < depth:
            held = list(getattr(layer, "layers", None) or []) + [v for v in vars(layer).values()
                                                                  if isinstance(v, keras.layers.Layer)]
            todo += [(h, level + 1) for h in held]
    return True


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, stmt, array, shape = found
    text = linecache.getline(file, stmt.lineno)
    if not text.isascii():
        return finding
    flat = f"{array.id}.reshape(-1, {shape[1] * shape[2]})"
    new = text[:array.col_offset] + flat + text[array.end_col_offset:]
    edit = TextEdit(file, stmt.lineno, array.col_offset, stmt.lineno, array.end_col_offset, flat)
    fix = script_checked_fix(f"flatten the images where the dataset is made: {flat}", new.strip(), display_path(file),
                             stmt.lineno, [edit], cost=1)
    finding.culprit = Place("data", array.id, "data", display_path(file), stmt.lineno, text.strip())
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    finding.explanation = (f"The model multiplies vectors by its weights, but `{array.id}` holds images "
                           f"{tuple(shape[1:])} per sample, never flattened: each of the {shape[1]} rows is "
                           "scored on its own, so the output keeps that axis. Flatten the images where the dataset "
                           "is made. " + (finding.explanation or ""))
    return finding
