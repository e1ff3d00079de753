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

**An axis added in the wrong place.** The mixture-of-experts recipe (keras-io) weights expert outputs
(batch, units, experts) by the gate (batch, experts) expanded to (batch, 1, experts); expanded on the
last axis instead, (batch, experts, 1), the product fails. When one operand of the failing op was made
on an earlier line of the same function by ``ops.expand_dims(v, axis=k)`` (or ``tf.expand_dims``), and
exactly one other position of that axis makes it broadcast to the other operand's shape, that earlier
line is the root cause and the fix writes the axis that fits there (also proven by running the script).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree
from shapedoctor.diagnosis.layer_own_code import own_frame

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
    from shapedoctor.trace.sites import display_path

    layer = failure.call.layer
    found = own_frame(failure)
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


def misplaced_axis(failure: Any) -> tuple | None:
    """(culprit Place, fix, explanation) when an operand's added axis is in the wrong place (see the
    module), else None."""
    try:
        return _misplaced(failure)
    except Exception:  # noqa: BLE001 - evidence only
        return None


def _misplaced(failure: Any):
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import display_path

    found = own_frame(failure)
    if found is None:
        return None
    frame, line = found
    file = frame.f_code.co_filename
    tree = source_tree(file)
    func = next((n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                 and n.lineno <= line <= n.end_lineno and frame.f_code.co_name == n.name), None)
    if func is None:
        return None
    ops = [n for n in ast.walk(func) if isinstance(n, ast.BinOp) and isinstance(n.op, _OPERATORS)
           and n.lineno == line and isinstance(n.left, ast.Name) and isinstance(n.right, ast.Name)]
    hits = []
    for op in ops:
        for mine, other in ((op.left, op.right), (op.right, op.left)):
            made = _expanded_before(func, mine.id, line)
            shape, target = shape_of(frame.f_locals.get(mine.id)), shape_of(frame.f_locals.get(other.id))
            if made is None or shape is None or target is None or len(shape) != len(target):
                continue
            axis_node, axis = made
            axis %= len(shape)
            base = shape[:axis] + shape[axis + 1:]
            fits = [p for p in range(1, len(shape)) if p != axis and _broadcasts_to(base[:p] + (1,) + base[p:], target)]
            if len(fits) == 1:
                hits.append((mine.id, axis_node, fits[0], shape, target, base[:fits[0]] + (1,) + base[fits[0]:]))
    if len(hits) != 1:
        return None
    name, axis_node, axis, shape, target, moved = hits[0]
    text = linecache.getline(file, axis_node.lineno)
    if not text.isascii() or axis_node.lineno != axis_node.end_lineno:
        return None
    start, end = axis_node.col_offset, axis_node.end_col_offset
    new_line = (text[:start] + str(axis) + text[end:]).strip()
    fix = script_checked_fix(f"add `{name}`'s axis where it lines up with the other operand: axis={axis}", new_line,
                             display_path(file), axis_node.lineno,
                             [TextEdit(file, axis_node.lineno, start, axis_node.lineno, end, str(axis))], cost=1)
    layer = failure.call.layer
    place = Place("layer", getattr(layer, "name", None), type(layer).__name__, display_path(file), axis_node.lineno,
                  text.strip())
    explanation = (f"`{name}` is made {format_shape(shape)} on line {axis_node.lineno} by adding an axis of one, then "
                   f"combined with a {format_shape(target)} tensor on line {line}. Broadcasting lines up axes from the "
                   f"last one, so the added axis is in the wrong place: added at axis {axis}, `{name}` is "
                   f"{format_shape(moved)} and lines up with {format_shape(target)}.")
    return place, fix, explanation


def _expanded_before(func: ast.AST, name: str, line: int):
    """(the axis argument's node, the axis) when the last binding of *name* before *line*, a statement of
    *func*'s own body (not inside a branch or loop), is ``name = <x>.expand_dims(..., axis)``; else None."""
    binds = [n for n in func.body if isinstance(n, ast.Assign) and n.lineno < line
             and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]
    nested = [n for n in ast.walk(func) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
              and n.lineno < line and not any(b.lineno == n.lineno for b in binds)]
    if not binds or any(n.lineno > binds[-1].lineno for n in nested):
        return None
    call = binds[-1].value
    from shapedoctor.trace.sites import called_name

    if not isinstance(call, ast.Call) or called_name(call.func) != "expand_dims":
        return None
    axis_node = next((k.value for k in call.keywords if k.arg == "axis"), None)
    if axis_node is None and len(call.args) == 2:
        axis_node = call.args[1]
    try:
        axis = ast.literal_eval(axis_node) if axis_node is not None else None
    except ValueError:
        return None
    return (axis_node, axis) if isinstance(axis, int) and not isinstance(axis, bool) else None


def _broadcasts_to(small: tuple, big: tuple) -> bool:
    """*small* broadcast against *big* (same rank) gives *big* (unknown sizes fit anything)."""
    return len(small) == len(big) and all(a == 1 or a is None or b is None or a == b for a, b in zip(small, big))


def _prefix(short: tuple, long: tuple) -> bool:
    """*short* is *long* without its last axis (unknown sizes fit anything), with at least two axes."""
    if len(short) < 2 or len(long) != len(short) + 1 or long[-1] in (None, 1):
        return False
    if short[-1] == long[-1]:
        return False  # broadcasting would have worked on the last axis
    return all(a is None or b is None or a == b for a, b in zip(short, long))
