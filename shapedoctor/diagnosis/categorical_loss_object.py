"""A categorical loss object called in the user's own code on class ids: the line that made it is the cause.

The keras-io knowledge-distillation ``Distiller`` calls ``self.student_loss_fn(y, y_pred)`` in its
``compute_loss``; compiled with ``student_loss_fn=keras.losses.CategoricalCrossentropy(from_logits=True)``
while the digit labels stay class ids, it fails with ``Arguments `target` and `output` must have
the same rank (ndim). Received: target.shape=(64,), output.shape=(64, 10)``. The labels are right
(the teacher trains on the same ones): the loss object was chosen for another encoding. The line
that created it is the root cause and the fix creates its sparse twin there
(``SparseCategoricalCrossentropy(from_logits=True)``), proven by running the patched script.

Evidence, read and checked by Keras: the innermost line of the user's code in the traceback calls a
Keras ``CategoricalCrossentropy`` (or ``categorical_crossentropy``) with a name as its labels; those
labels are whole numbers from 0 to below the output's width, one per sample (target one axis short of
the output); the sparse twin, made with the same ``from_logits``, computes on them; the script
writes that loss's class (or function) exactly once, on another line than the call (a loss written in
the failing call itself keeps the labels' reading: the labels given to ``fit`` are one-hot encoded).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_TWINS = {"CategoricalCrossentropy": "SparseCategoricalCrossentropy",
          "categorical_crossentropy": "sparse_categorical_crossentropy"}


def categorical_loss_object(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the line that created the categorical loss (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, node, old, new, called_at = found
    edit = TextEdit.replacing(file, node, new)
    fix = script_checked_fix(f"the labels are class ids: use {new}", edit.shown(), display_path(file), node.lineno,
                             [edit], cost=1)
    text = linecache.getline(file, node.lineno).strip()
    finding.message = f"`{old}` (line {node.lineno}) is called on class ids (line {called_at})"
    finding.culprit = Place("loss", None, old, display_path(file), node.lineno, text)
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    finding.explanation = (
        f"The labels reach the loss as one class id per sample, but `{old}` compares one-hot rows with the "
        f"output. Its sparse twin `{new}` takes class ids and computes on these very labels; the labels and the "
        "model are right, the loss was chosen for another encoding.")
    return finding


def _found(exc: BaseException):
    import keras
    import numpy as np

    from shapedoctor.diagnosis.swapped_loss_arguments import loss_object
    from shapedoctor.trace.sites import called_name

    from shapedoctor.diagnosis.reaim import innermost_user_frame, loss_shapes

    shapes, inner = loss_shapes(exc), innermost_user_frame(exc)
    if shapes is None or inner is None:
        return None
    target, output = shapes
    if len(target) != len(output) - 1 or not isinstance(output[-1], int) or output[-1] < 2:
        return None
    frame, line = inner
    file = frame.f_code.co_filename
    try:
        statement = ast.parse(linecache.getline(file, line).strip())
        tree = source_tree(file)
    except SyntaxError:
        return None
    calls = [n for n in ast.walk(statement) if isinstance(n, ast.Call) and len(n.args) == 2
             and isinstance(n.args[0], ast.Name)]
    hits = [(n, loss) for n in calls if (loss := loss_object(n.func, frame)) is not None]
    if len(hits) != 1:
        return None
    call, loss = hits[0]
    kind = type(loss).__name__ if isinstance(loss, keras.losses.Loss) else getattr(loss, "__name__", "")
    if kind not in _TWINS:
        return None
    if not _class_ids(frame.f_locals.get(call.args[0].id), len(target), output[-1]):
        return None
    logits = bool(getattr(loss, "get_config", dict)().get("from_logits", False))
    twin = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    shape = tuple(v or 2 for v in target)
    twin(np.zeros(shape, "int32"), np.full(shape + (output[-1],), 1.0 / output[-1], "float32"))  # raises if it cannot
    written = [n for n in ast.walk(tree) if isinstance(n, (ast.Name, ast.Attribute)) and called_name(n) == kind]
    if len(written) != 1 or written[0].lineno != written[0].end_lineno:
        return None
    node = written[0]
    if node.lineno == line:
        return None  # written in the failing call itself: no line made it elsewhere
    text = linecache.getline(file, node.lineno)
    if not text.isascii():
        return None
    new = text[node.col_offset:node.end_col_offset]
    new = new[:len(new) - len(kind)] + _TWINS[kind]
    return file, node, kind, new, line


def _class_ids(labels: Any, rank: int, classes: int) -> bool:
    """*labels* hold class ids below *classes*: whole numbers when their values can be read (eager), an
    integer dtype when they cannot (a symbolic tensor inside a traced ``train_step``)."""
    import numpy as np

    if labels is None or len(getattr(labels, "shape", ())) != rank:
        return False
    try:
        ids = np.asarray(labels)
    except Exception:  # noqa: BLE001 - a symbolic tensor: its dtype is all there is to read
        dtype = getattr(labels, "dtype", None)
        return "int" in str(getattr(dtype, "name", dtype))
    return ids.size > 0 and bool(np.all(ids == np.round(ids))) and ids.min() >= 0 and ids.max() < classes
