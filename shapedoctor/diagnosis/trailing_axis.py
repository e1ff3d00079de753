"""An element-wise op in a layer's own ``call`` between (batch, steps, features) and (batch, steps).

Attention pooling computes one weight per step, (batch, steps), and multiplies the states
(batch, steps, features) by it: ``x * weights``. Broadcasting aligns the last axes, so the steps of
the weights meet the features of the states and the op fails ("Inputs have incompatible shapes").
The weights need a trailing axis of one, ``ops.expand_dims(weights, -1)`` (the answer of every
thread on it), so that each step's weight scales that step's features.

Evidence, read, not guessed: the innermost frame of the user's own layer code that raised holds,
on its line, one element-wise operator between two of its local names; one tensor has one axis
fewer than the other, and its axes are the other's without the last. That line is the root cause,
and the fix adds the axis there, checked by running the patched script (``needs_proof``).
"""

from __future__ import annotations

import ast
import linecache
import traceback
from typing import Any

_OPERATORS = (ast.Mult, ast.Add, ast.Sub, ast.Div)


def missing_trailing_axis(failure: Any) -> tuple | None:
    """(culprit Place, fix, explanation) when the rule holds (see the module), else None."""
    try:
        return _found(failure)
    except Exception:  # noqa: BLE001 - evidence only
        return None


def _found(failure: Any):
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import display_path, is_user_file

    layer = failure.call.layer
    found = None
    for frame, line in traceback.walk_tb(failure.exception.__traceback__):
        if frame.f_locals.get("self") is layer and is_user_file(frame.f_code.co_filename):
            found = (frame, line)
    if found is None:
        return None
    frame, line = found
    file = frame.f_code.co_filename
    text = linecache.getline(file, line)
    if not text.isascii():
        return None
    try:
        statement = ast.parse(text.strip())
    except SyntaxError:
        return None
    indent = len(text) - len(text.lstrip())
    ops = [n for n in ast.walk(statement) if isinstance(n, ast.BinOp) and isinstance(n.op, _OPERATORS)
           and isinstance(n.left, ast.Name) and isinstance(n.right, ast.Name)]
    hits = []
    for op in ops:
        left, right = (shape_of(frame.f_locals.get(n.id)) for n in (op.left, op.right))
        if left is None or right is None:
            continue
        if _prefix(right, left):
            hits.append((op, op.right))
        elif _prefix(left, right):
            hits.append((op, op.left))
    if len(hits) != 1:
        return None
    op, short = hits[0]
    module = frame.f_globals
    if module.get("ops") is not None and hasattr(module.get("ops"), "expand_dims"):
        new = f"ops.expand_dims({short.id}, -1)"
    else:
        new = f"{short.id}[..., None]"
    start, end = indent + short.col_offset, indent + short.end_col_offset
    new_line = (text[:start] + new + text[end:]).strip()
    fix = script_checked_fix(f"give `{short.id}` a trailing axis of one: {new}", new_line, display_path(file), line,
                             [TextEdit(file, line, start, line, end, new)], cost=1)
    place = Place("layer", getattr(layer, "name", None), type(layer).__name__, display_path(file), line, text.strip())
    shapes = {n.id: shape_of(frame.f_locals.get(n.id)) for n in (op.left, op.right)}
    described = " and ".join(f"`{k}` {format_shape(v)}" for k, v in shapes.items())
    explanation = (f"`{text.strip()}` combines {described}. Broadcasting lines up the LAST axes, so `{short.id}`'s "
                   "last axis meets the other's last axis (its features), not the axis it was meant for. "
                   f"`{short.id}` has one value per position of the other, without its last axis: give it a "
                   "trailing axis of one so that each value scales a whole row.")
    return place, fix, explanation


def _prefix(short: tuple, long: tuple) -> bool:
    """*short* is *long* without its last axis (unknown sizes fit anything), with at least two axes."""
    if len(short) < 2 or len(long) != len(short) + 1 or long[-1] in (None, 1):
        return False
    if short[-1] == long[-1]:
        return False  # broadcasting would have worked on the last axis
    return all(a is None or b is None or a == b for a, b in zip(short, long))
