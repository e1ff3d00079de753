"""Labels taken from one channel with an index where the output predicts several: ``lab[..., 1]`` for ``lab[..., 1:]``.

A Lab colorizer predicts the two colour channels of each pixel, ``Conv2D(2, ...)``; its generator makes the targets
as ``lab_batch[:, :, :, 1] / 128``, the a channel alone and without its channel axis, where the tutorial writes
``lab_batch[:, :, :, 1:]`` (r1175). The loss meets (8, 64, 64) targets against a (None, 64, 64, 2) output. Shrinking
the output layer to one channel also runs, and it is wrong: the model was built to predict both channels.

Evidence, read: a labels-against-output finding of a training call whose labels have one axis fewer than the
output, exactly the output's without its last axis of k >= 2; the labels are the second item a generator function
yields (``yield x, y``), ``y`` bound in that function by one assignment whose value indexes an array's last axis
with an int literal ``i`` (``a[:, :, :, i]``, ``a[..., i]``). The fix writes the slice ``i:i + k`` there, proven by
running the patched script (which fails if the array has another number of channels), and the assignment is the
root cause. Model edits stay behind it: the output was built for k channels.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def indexed_channel(finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the label line that indexes one channel (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    from shapedoctor.diagnosis.data_origin import functions_at
    from shapedoctor.diagnosis.training_base import model_outputs

    if finding.id != "SD202":
        return None
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    if not calls:
        return None
    call = calls[-1]
    outputs = model_outputs(call.model)
    y = call.y_shapes
    if len(outputs) != 1 or not isinstance(y, tuple) or len(outputs[0]) != len(y) + 1 \
            or tuple(outputs[0][1:-1]) != tuple(y[1:]) or not isinstance(outputs[0][-1], int) or outputs[0][-1] < 2:
        return None
    producer = getattr(call, "producer", None)  # (file, first line) of the generator function that made the batches
    if producer is None:
        return None
    found = functions_at(*producer)
    if found is None or len(found[1]) != 1:
        return None
    function = found[1][0]
    yields = [n for n in ast.walk(function) if isinstance(n, ast.Yield) and isinstance(n.value, ast.Tuple)
              and len(n.value.elts) == 2 and isinstance(n.value.elts[1], ast.Name)]
    if len(yields) != 1:
        return None
    name = yields[0].value.elts[1].id
    made = [n for n in ast.walk(function) if isinstance(n, ast.Assign) and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name]
    if len(made) != 1 or made[0].lineno != made[0].end_lineno:
        return None
    index = _last_axis_index(made[0].value, len(y) + 1)
    if index is None:
        return None
    return producer[0], made[0], index, outputs[0][-1]


def _last_axis_index(value: ast.expr, rank: int) -> ast.Constant | None:
    """The int literal indexing the last axis in the one subscript of *value* (``a[:, :, :, 1]`` of a rank-4
    array, ``a[..., 1]``), or None."""
    subs = [n for n in ast.walk(value) if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple)]
    if len(subs) != 1:
        return None
    items = subs[0].slice.elts
    last = items[-1]
    if not (isinstance(last, ast.Constant) and type(last.value) is int and last.value >= 0):
        return None
    ellipsis = any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in items[:-1])
    full = all(isinstance(e, ast.Slice) and e.lower is None and e.upper is None and e.step is None for e in items[:-1])
    return last if (ellipsis and len(items) == 2) or (full and len(items) == rank) else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, made, index, width = found
    raw = linecache.getline(path, made.lineno)
    if not raw.isascii():
        return finding
    i = index.value
    new = f"{i}:{i + width}"
    change = TextEdit.replacing(path, index, new)
    fix = script_checked_fix(f"keep the {width} channels the output predicts: [..., {new}]", change.shown(),
                             display_path(path), made.lineno, [change], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("labels", made.targets[0].id, "labels", path, made.lineno)
    finding.fixes.insert(0, fix)
    finding.explanation = (
        f"The labels take one channel with an index, `[..., {i}]`, which also drops the channel axis, while the "
        f"model predicts {width} channels per position: slice them, `[..., {new}]`, and the targets keep their "
        f"channel axis with {width} channels. Narrowing the output instead would change what the model predicts.")
    return finding
