"""A loss called in the user's own code with its two arguments swapped: ``loss_fn(predictions, targets)``.

Keras losses take ``(y_true, y_pred)``. The custom ``train_step`` of *Deep Learning with Python*
chapter 7 written ``loss_fn(predictions, targets)`` hands ``SparseCategoricalCrossentropy`` the
(batch, 10) softmax output as the labels and the class ids as the predictions: ``Argument `output`
must have rank (ndim) `target.ndim - 1`. Received: target.shape=(32, 10), output.shape=(32,)``. The
labels are right, the model is right: the call is the root cause.

Evidence, read and checked by Keras: the innermost line of the user's code in the traceback calls a
Keras loss (an instance of ``keras.losses.Loss`` or a function of ``keras.losses``) with two plain
positional arguments; the error names the target's and the output's shapes; the same loss, called
on arrays of those shapes in the other order, computes without an error. The fix swaps the two
arguments on that line, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any



def swapped_loss_arguments(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the loss call whose arguments are swapped (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, line, first, second, loss = found
    text = linecache.getline(file, line)
    a, b = text[first.col_offset:first.end_col_offset], text[second.col_offset:second.end_col_offset]
    edits = [TextEdit(file, line, second.col_offset, line, second.end_col_offset, a),
             TextEdit(file, line, first.col_offset, line, first.end_col_offset, b)]
    new_text = text[:first.col_offset] + b + text[first.end_col_offset:second.col_offset] + a + \
        text[second.end_col_offset:]
    fix = script_checked_fix(f"pass (y_true, y_pred) in Keras's order: {loss}({b}, {a})", new_text.strip(),
                             display_path(file), line, edits, cost=1)
    finding.message = f"`{loss}({a}, {b})` passes its arguments in the other order than Keras losses take them"
    finding.culprit = Place("loss", None, loss, display_path(file), line, text.strip())
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]  # the text's guesses read the swap as labels
    finding.explanation = (
        f"Keras losses take the labels first and the predictions second, `loss(y_true, y_pred)`. This call "
        f"passes `{a}` first and `{b}` second, so the loss read one as the other; the same loss computes "
        f"without an error with the two the other way round: the arguments are swapped, not the labels or the "
        "model.")
    return finding


def _found(exc: BaseException):
    import numpy as np

    from shapedoctor.diagnosis.reaim import innermost_user_frame, loss_shapes

    shapes, inner = loss_shapes(exc), innermost_user_frame(exc)
    if shapes is None or inner is None or None in shapes[0] + shapes[1]:
        return None
    target, output = shapes
    frame, line = inner
    file = frame.f_code.co_filename
    text = linecache.getline(file, line)
    if not text.isascii():
        return None
    try:
        tree = ast.parse(text.strip())
    except SyntaxError:
        return None
    indent = len(text) - len(text.lstrip())
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and len(n.args) == 2 and not n.keywords
             and all(isinstance(a, ast.Name) for a in n.args)]
    hits = []
    for node in calls:
        loss = loss_object(node.func, frame)
        if loss is None:
            continue
        y_true = np.zeros(output, dtype="float32")
        k = target[-1] if target else 1
        y_pred = np.full(target, 1.0 / max(k, 1), dtype="float32")
        try:
            loss(y_true, y_pred)
        except Exception:  # noqa: BLE001 - the other order fails too: not a swap
            continue
        hits.append((node, _name_of(node.func)))
    if len(hits) != 1:
        return None
    node, name = hits[0]
    first, second = node.args
    for arg in (first, second):  # columns of the stripped line -> columns of the file's line
        arg.col_offset += indent
        arg.end_col_offset += indent
    return file, line, first, second, name


def _name_of(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "loss"


def loss_object(func: ast.expr, frame: Any):
    """The Keras loss *func* names in *frame* (a name or a dotted attribute chain, never a call), or None."""
    import keras

    parts = []
    node = func
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    scope = {**frame.f_globals, **frame.f_locals}
    if node.id not in scope:
        return None
    value = scope[node.id]
    for attr in reversed(parts):
        value = getattr(value, attr, None)
        if value is None:
            return None
    if isinstance(value, keras.losses.Loss):
        return value
    module = getattr(value, "__module__", "") or ""
    return value if callable(value) and module.startswith("keras.src.losses") else None
