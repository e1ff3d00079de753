"""A ``tf.data`` pipeline given as ``validation_data`` that yields single samples, not batches.

Keras takes every element of a dataset as one batch, for validation as for training. A
validation pipeline built like the training one but without ``.batch(n)``
(``from_tensor_slices((val_x, val_y)).prefetch(AUTOTUNE)``) reaches the model one sample at a
time: its first axis is read as the batch axis and the model refuses it at the end of the first
epoch, after a whole epoch of training. The root cause is the line that built the validation
dataset; the fix batches it there, with the training batch size when the training data is a
batched dataset too: ``from_tensor_slices((val_x, val_y)).batch(16).prefetch(AUTOTUNE)``.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, flat_items, input_accepts, model_inputs
from shapedoctor.graph.model import format_shape

DEFAULT_BATCH = 32


def unbatched_validation(call: Any, model: Any) -> Problem | None:
    """The validation dataset's elements are single samples of the model's (single) input."""
    if call.validation_element is None or call.method != "fit":
        return None
    vx, _vy = call.validation_element
    declared = model_inputs(model)
    got = tuple(getattr(vx, "shape", ()) or ())
    if len(declared) != 1 or not got:
        return None
    want = declared[0]
    if input_accepts(want, got) or len(got) != len(want) - 1 or not input_accepts(want, (None,) + got):
        return None
    size = _training_batch(call)
    prob = Problem("SD201", f"the validation dataset yields single samples {format_shape(got)}, not batches", "data",
                   expected=format_shape(want), received=format_shape(got))
    prob.extra_where = "validation"
    prob.explanation = ("Keras takes each element of a tf.data.Dataset as one batch, for validation_data too. The "
                        f"validation dataset yields single samples of shape {format_shape(got)}, so the model reads "
                        "their first axis as the batch axis and refuses them once the first epoch has trained. "
                        f"Batch the validation dataset where it is built, like the training data: .batch({size}).")
    edit = _batch_edit(call, size) or _chain_batch_edit(call, size)
    if edit is not None:
        spelled = edit[3][edit[3].rindex(".batch("):]
        prob.fixes.append(TrainingFix(f"batch the validation dataset: {spelled}", "data", cost=1,
                                      apply=_add_batch_axis, line_edit=edit))
        if call.site is not None and edit[0] != validation_place(call)[1]:
            prob.data_site = (call.site.file, edit[0])  # the line of the chain, inside a multi-line statement
    return prob


def validation_place(call: Any) -> tuple[str | None, int | None]:
    """The variable passed as ``validation_data`` and the line that built it."""
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    var = argument_name(call.site, 99, "validation_data")
    return var, assignment_line(call.site, var)


def _training_batch(call: Any) -> int:

    shapes = [s for s in flat_items(call.x_shapes) if s]
    if call.batched and shapes and isinstance(shapes[0][0], int) and shapes[0][0] > 1:
        return shapes[0][0]
    return DEFAULT_BATCH


def _batch_edit(call: Any, size: int) -> tuple | None:
    """(line, start col, end col, new text, new line): ``.batch(size)`` right after the dataset's source call."""
    import linecache

    from shapedoctor.diagnosis.training_fixes import calls_named_at

    _var, line = validation_place(call)
    if call.site is None or line is None:
        return None
    node = next((n for name in ("from_tensor_slices", "from_tensors", "from_generator")
                 for n in calls_named_at(call.site.file, line, name, single_line=True)), None)
    text = linecache.getline(call.site.file, line)
    if node is None or not text.isascii():
        return None  # ast columns count bytes; keep to lines where bytes and characters agree
    source = text[node.col_offset:node.end_col_offset]
    new = f"{source}.batch({size})"
    return line, node.col_offset, node.end_col_offset, new, text.rstrip("\n").replace(source, new, 1).strip()


def _chain_batch_edit(call: Any, size: int) -> tuple | None:
    """``.batch(...)`` in the chain that builds the validation dataset (``loader.shuffle(n).map(f).prefetch(2)``,
    over several lines): before its ``prefetch``, else at its end, with the size written as the training
    chain's ``.batch(batch_size)`` writes it. (line, start col, end col, new text, new line), or None."""
    import ast
    import linecache

    from shapedoctor.trace.sites import source_tree

    var, line = validation_place(call)
    if call.site is None or line is None or var is None:
        return None
    path = call.site.file
    tree = source_tree(path)
    stmt = next((s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.lineno == line
                 and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) and s.targets[0].id == var), None)
    node, prefetch = (stmt.value if stmt is not None else None), None
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("batch", "padded_batch", "unbatch"):
            return None
        prefetch = node if node.func.attr == "prefetch" else prefetch
        node = node.func.value
    if stmt is None or not isinstance(stmt.value, ast.Call):
        return None
    anchor = prefetch.func.value if prefetch is not None else stmt.value
    end_line, end_col = anchor.end_lineno, anchor.end_col_offset
    text = linecache.getline(path, end_line)
    if not text.isascii():
        return None
    new = f".batch({_size_spelling(tree, path, size)})"
    return end_line, end_col, end_col, new, (text[:end_col] + new + text[end_col:]).strip()


def _size_spelling(tree: Any, path: str, size: int) -> str:
    """The training chain's own argument for ``size`` (``.batch(batch_size)``), else the number."""
    import ast

    from shapedoctor.trace.sites import constant_statements

    bound = {name: s.value.value for name, s in constant_statements(tree).items()}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "batch" \
                and node.args and isinstance(node.args[0], ast.Name) and bound.get(node.args[0].id) == size:
            return node.args[0].id
    return str(size)


def _add_batch_axis(element: Any) -> Any:
    """One validation element as a batch of one (what ``.batch(n)`` yields first, for the size that matters)."""
    import numpy as np

    return np.expand_dims(np.asarray(element), 0)
