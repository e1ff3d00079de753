"""Per-step tensors joined with ``concatenate`` where a new axis was meant: ``stack`` them.

A recurrent loop written by hand collects one ``(batch, units)`` state per step in a list, then hands the
steps on as a sequence. ``ops.stack(outputs, axis=1)`` makes that sequence, ``(batch, steps, units)``;
``ops.concatenate(outputs, axis=1)`` (the keras-io functional guide's custom RNN written with the wrong
joiner, r1154) lays the states side by side in one ``(batch, steps * units)`` row, and the layer that reads
the sequence refuses one axis too few ("Expected shape (None, None, 24), but input has incompatible shape
(4, 192)", or "expected ndim=3, found ndim=2"). Keras names that layer; the cause is the join.

Evidence, read from the traceback, its frame and the source: the error says the refused tensor has one axis
fewer than expected (Keras's expected shape, or ``ndim``); the innermost frame of the user's code runs a
statement that passes a local name whose value has the refused shape; in that function the name is assigned
``<module>.concatenate(L, ...)`` or ``tf.concat(L, ...)`` of a local list ``L`` of two or more tensors of one
shape; stacked on axis 1 they give a shape that fits the expected one. The fix writes the join as
``<module>.stack(L, axis=1)`` on its line, proven by running the patched script; that line is the root cause.
It is the only fix shown: a Reshape that adds a trailing axis also builds, but reads every number as a step.
"""

from __future__ import annotations

import ast
import re
from typing import Any

_EXPECTED_SHAPE = re.compile(r"Expected shape \(([^)]*)\), but input has incompatible shape \(([^)]*)\)")
_NDIM = re.compile(r"expected ndim=(\d+), found ndim=(\d+)")
_JOINERS = {"concatenate": "stack", "concat": "stack"}


def joined_not_stacked(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the join that should have stacked (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _shape(text: str) -> tuple:
    return tuple(None if p.strip() == "None" else int(p) for p in text.split(",") if p.strip())


def _wanted(exc: BaseException) -> tuple[tuple | None, int] | None:
    """(the expected shape or None, its rank) when the refused tensor has one axis too few."""
    text = str(exc)
    match = _EXPECTED_SHAPE.search(text)
    if match is not None:
        expected, received = _shape(match.group(1)), _shape(match.group(2))
        return (expected, len(expected)) if len(expected) == len(received) + 1 else None
    match = _NDIM.search(text)
    if match is not None and int(match.group(1)) == int(match.group(2)) + 1:
        return None, int(match.group(1))
    return None


def _found(exc: BaseException | None):
    if exc is None:
        return None
    wanted = _wanted(exc)
    if wanted is None:
        return None
    from shapedoctor.diagnosis.call_without_batch import frame_scope
    from shapedoctor.diagnosis.reaim import user_statement
    from shapedoctor.trace.recorder import shape_of

    where = user_statement(exc)
    if where is None:
        return None
    frame, line, path = where.frame, where.line, where.path
    passed = {a.id for n in ast.walk(where.statement) if isinstance(n, ast.Call) for a in n.args
              if isinstance(a, ast.Name)}
    function = frame_scope(where.tree, frame)
    if function is None:
        return None
    expected, rank = wanted
    found = []
    for node in ast.walk(function):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in passed and node.lineno < line and _joins_list(node.value)):
            continue
        name, items = node.targets[0].id, frame.f_locals.get(node.value.args[0].id)
        shapes = [shape_of(t) for t in items] if isinstance(items, list) and len(items) >= 2 else []
        if not shapes or any(s is None or s != shapes[0] for s in shapes) or len(shapes[0]) + 1 != rank:
            continue
        if shape_of(frame.f_locals.get(name)) is None:
            continue
        stacked = (shapes[0][0], len(shapes)) + tuple(shapes[0][1:])
        if expected is not None and not all(e is None or e == s for e, s in zip(expected[1:], stacked[1:])):
            continue
        found.append((path, node, name, shape_of(frame.f_locals.get(name)), stacked))
    return found[0] if len(found) == 1 else None


def _joins_list(value: ast.AST) -> bool:
    """``<module>.concatenate(L, ...)`` / ``<module>.concat(L, ...)`` of a name, written on one line."""
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in _JOINERS
            and isinstance(value.func.value, ast.Name) and value.args and isinstance(value.args[0], ast.Name)
            and value.lineno == value.end_lineno)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, node, name, joined, stacked = found
    call = node.value
    module, items = call.func.value.id, call.args[0].id
    stack = f"{module}.stack({items}, axis=1)"
    change = TextEdit.replacing(path, call, stack)
    fix = script_checked_fix(f"stack the steps on a new axis: {stack}", change.shown(), display_path(path),
                             node.lineno, [change], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", call.func.attr, None, path, node.lineno)
    finding.explanation = (
        f"`{name}` joins the {stacked[1]} tensors of `{items}` with `{module}.{call.func.attr}`, which lays them "
        f"side by side on an axis they already have: {format_shape(joined)}. The layer it is passed to reads a "
        f"sequence, one axis more. `{module}.stack` puts them on a new axis instead: {format_shape(stacked)}, "
        "one row per step.")
    finding.fixes = [fix]  # a Reshape((192, 1)) before the reader also builds: 192 steps of one number each
    return finding
