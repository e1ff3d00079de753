"""Labels filled for one batch while the data holds several joined batches: the fill's size.

A GAN's discriminator is trained on ``x = np.concatenate((real_images, fake_images))`` with real/fake targets
``y = np.ones([batch_size, 1]); y[batch_size:, :] = 0``: written for ``batch_size`` rows, the targets pair 32 labels
with 64 images and ``train_on_batch`` refuses (Advanced Deep Learning with Keras's ACGAN, r1168). Keras names the
call; the line that filled the labels chose their count, and the book writes ``np.ones([2 * batch_size, 1])``.

Evidence, read: a sample-count finding whose root cause is labels made on one line by a NumPy fill
(``np.ones``/``zeros``/``full``/``empty``) whose shape is written out with a first size ``E`` worth ``v``; the data
of the failing call has ``k * v`` samples (k >= 2, an integer). The fix writes ``k * E`` there, proven by running the
patched script (which also checks what the script does with the rows, ``y[batch_size:] = 0``).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_FILLS = {"ones", "zeros", "full", "empty"}


def filled_label_count(finding: Any, recorder: Any) -> Any:
    """*finding* with the fill's size scaled to the data's count (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    from shapedoctor.trace.sites import source_tree

    if finding.id != "SD203" or finding.culprit is None or finding.culprit.kind != "labels" \
            or any(f.verified for f in finding.fixes):
        return None
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    if not calls:
        return None
    x = calls[-1].x_shapes
    count = x[0] if isinstance(x, tuple) and x and isinstance(x[0], int) else None
    if count is None:
        return None
    path, line = finding.culprit.file, finding.culprit.line
    fills = [n for n in ast.walk(source_tree(path)) if isinstance(n, ast.Call) and n.lineno == line
             and isinstance(n.func, ast.Attribute) and n.func.attr in _FILLS and n.args
             and isinstance(n.args[0], (ast.List, ast.Tuple)) and n.args[0].elts]
    if len(fills) != 1:
        return None
    size = fills[0].args[0].elts[0]
    value = _value(size, recorder)
    if not value or count % value or count // value < 2 or size.lineno != size.end_lineno:
        return None
    return path, size, count // value, value, count


def _value(node: ast.expr, recorder: Any) -> int | None:
    """The int *node* stands for: a literal or a module-level name of the script."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    names = getattr(recorder, "module_globals", None) or {}
    if isinstance(node, ast.Name):
        value = names.get(node.id, _frame_value(node.id, recorder))
        return value if type(value) is int else None
    return None


def _frame_value(name: str, recorder: Any) -> Any:
    """*name* in the globals of the script's frame where the failing call ran (the script stopped there)."""
    failure = getattr(recorder, "failure", None)
    exc = failure.exception if failure is not None else None
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    exc = exc or (calls[-1].error if calls else None)
    if exc is None:
        return None
    from shapedoctor.trace.sites import user_frame_of_traceback

    frame = user_frame_of_traceback(exc.__traceback__)
    return frame.f_globals.get(name) if frame is not None else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    path, size, times, value, count = found
    raw = linecache.getline(path, size.lineno)
    if not raw.isascii():
        return finding
    text = raw[size.col_offset:size.end_col_offset]
    new = f"{times} * {text}" if not isinstance(size, ast.Constant) else str(count)
    change = TextEdit.replacing(path, size, new)
    finding.fixes[:0] = [script_checked_fix(f"fill as many labels as the data has samples: {new} ({count})",
                                            change.shown(), finding.culprit.file, size.lineno, [change])]
    finding.explanation = ((finding.explanation or "") + f" The labels are filled for {text} = {value} rows, but the "
                           f"data joins {times} such batches, {count} samples: fill {new} rows.").strip()
    return finding
