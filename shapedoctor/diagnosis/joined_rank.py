"""A ``tf.concat`` in the user's code given tensors of different ranks, one missing a trailing axis of 1.

Hands-On ML, chapter 17's DCGAN (r634): the generator makes (32, 28, 28, 1) images and the training
loop joins them with a batch of real images, ``tf.concat([generated_images, X_batch], axis=0)``; the
grayscale set was rescaled but never given its channel axis, so the real batch is (32, 28, 28) and
TensorFlow raises "ConcatOp : Ranks of all input tensors should match". The error is raised in the
user's loop, outside any layer, so only its text is known; but the text names the two shapes and the
positions of the tensors in the joined list, and the user's line names the tensors.

When the lower-rank tensor is the other with its trailing axis of 1 left out, and is named on the line by a
variable that holds data (not a tensor a model or layer returned: a model output missing the axis means
the model is to change), the joined line is the
place where the two meet with the one missing the axis, and the fix adds that axis there,
``X_batch[..., None]``. It is proven by running the patched script (which must then finish).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree

_JOINS = ("concat", "concatenate")


def joined_rank(exc: BaseException, finding: Finding | None, recorder: Any) -> Finding | None:
    if finding is None or finding.id != "SD104":
        return finding
    try:
        return _reaimed(exc, finding, recorder) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(exc: BaseException, finding: Finding, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.reaim import innermost_user_path
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import fmt
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, site_from_traceback

    facts = parse(str(exc))
    details = getattr(facts, "details", None) or {}
    ranks, indices = details.get("ranks"), details.get("indices")
    if not ranks or not indices or len(facts.shapes) != 2:
        return None
    from shapedoctor.messages.shapes import parse_shape

    shapes = [parse_shape(s) for s in facts.shapes]
    if None in shapes:
        return None
    low_at = 0 if len(shapes[0]) < len(shapes[1]) else 1
    low, high = shapes[low_at], shapes[1 - low_at]
    if len(high) != len(low) + 1 or tuple(high[:-1]) != tuple(low) or high[-1] != 1:
        return None
    site = site_from_traceback(exc.__traceback__)
    path = innermost_user_path(exc)
    if site is None or path is None:
        return None
    try:
        tree = source_tree(path)
    except (SyntaxError, ValueError):
        return None
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= site.line <= (c.end_lineno or c.lineno)
             and called_name(c.func) in _JOINS and c.args and isinstance(c.args[0], (ast.List, ast.Tuple))]
    if len(calls) != 1:
        return None
    items = calls[0].args[0].elts
    index = indices[low_at]
    if index >= len(items) or any(isinstance(e, ast.Starred) for e in items):
        return None
    item = items[index]
    if item.lineno != item.end_lineno or _model_made(exc, item, recorder):
        return None  # a model output missing the axis: the model, not the join, is to change
    text = linecache.getline(path, item.lineno)[item.col_offset:item.end_col_offset]
    plain = isinstance(item, (ast.Name, ast.Attribute, ast.Subscript, ast.Call))
    new_text = f"{text}[..., None]" if plain else f"({text})[..., None]"
    edit = TextEdit.replacing(path, item, new_text)
    code = linecache.getline(path, item.lineno).strip()
    finding.culprit = Place("data", text, "data", site.file, item.lineno, code)
    finding.explanation = (
        f"`{text}` is {fmt(low)} and is joined with a {fmt(high)} tensor on line {item.lineno}: it lacks the trailing "
        "axis of size 1 the other has (a channel axis, for grayscale images), so the two have different ranks and "
        f"cannot be joined: a concatenation needs tensors with the same number of axes (rank), equal on every "
        f"axis but the joined one. Add that axis to `{text}`.")
    finding.fixes = [script_checked_fix(f"add the missing axis of 1 to `{text}`", edit.shown(), site.file, item.lineno,
                                        [edit])]
    return finding


def _model_made(exc: BaseException, item: ast.expr, recorder: Any) -> bool:
    """*item* names a tensor a model or layer call returned (read from the raising frame's variables)."""
    from shapedoctor.trace.sites import user_frame_of_traceback

    frame = user_frame_of_traceback(exc.__traceback__)
    if not isinstance(item, ast.Name) or frame is None or item.id not in frame.f_locals:
        return not isinstance(item, ast.Name)  # an expression: not followed, so not claimed
    value = frame.f_locals[item.id]
    return recorder.op_watch.is_model_made(value) or recorder.producer_of(value) is not None
