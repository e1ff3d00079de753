"""A one-hot tensor summed over its depth axis inside a custom layer: every row sums to one.

Hands-on ML 2's bag-of-words layer one-hot encodes token ids, ``one_hot = tf.one_hot(inputs, n_tokens)``,
(batch, steps, n_tokens), and counts each token over the sequence: ``tf.reduce_sum(one_hot, axis=1)``. Written
``axis=-1``, the sum runs over the depth axis, where each row holds exactly one 1, so the layer returns a
(batch, steps) tensor of ones. With sequences of any length the steps axis is unknown, and the ``Dense``
after the layer refuses ``(None, None)``: Keras names the Dense and the declared input, but the cause is the
reduction's axis (r1108).

Evidence, read: the layer that refused its input needs a defined last axis and received an unknown one from
a layer whose class the script defines; that class's ``call`` reduces (``reduce_sum``/``sum``/``reduce_mean``/
``mean``/``reduce_max``/``max``) over ``axis=-1`` a one-hot tensor (``one_hot(...)`` itself, or a name bound to
it in ``call``), once, on one line. That axis is the root cause; the fix reduces over the steps axis (``1``
when the layer gets (batch, steps) ids, else ``-2``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_SUMS = {"reduce_sum", "sum", "reduce_mean", "mean", "reduce_max", "max"}


def one_hot_depth_sum(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the reduction over a one-hot tensor's depth axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding)


def _found(finding: Any):
    from shapedoctor.trace.sites import source_tree

    if finding.id != "SD107" or not finding.path:
        return None
    at = next((i for i, step in enumerate(finding.path) if step.role == "consumer"), None)
    if at is None or at < 2:
        return None
    producer, before = finding.path[at - 1], finding.path[at - 2]
    if not producer.file or not producer.output_shape.replace(" ", "").endswith(",None)"):
        return None
    tree = source_tree(producer.file)
    classes = [c for c in tree.body if isinstance(c, ast.ClassDef) and c.name == producer.cls]
    calls = [f for c in classes for f in c.body if isinstance(f, ast.FunctionDef) and f.name == "call"]
    if len(calls) != 1:
        return None
    method = calls[0]
    encoded = {n.targets[0].id for n in ast.walk(method) if isinstance(n, ast.Assign) and len(n.targets) == 1
               and isinstance(n.targets[0], ast.Name) and _is_one_hot(n.value)}
    found = [(c, axis) for c in ast.walk(method) if isinstance(c, ast.Call) and _name(c.func) in _SUMS and c.args
             and (_is_one_hot(c.args[0]) or isinstance(c.args[0], ast.Name) and c.args[0].id in encoded)
             and (axis := _last_axis(c)) is not None]
    if len(found) != 1:
        return None
    call, axis = found[0]
    if axis.lineno != axis.end_lineno or not linecache.getline(producer.file, axis.lineno).isascii():
        return None
    ids_rank = before.output_shape.count(",") + 1 if before.output_shape.startswith("(") else None
    return producer, call, axis, "1" if ids_rank == 2 else "-2"


def _name(func: ast.AST) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _is_one_hot(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) == "one_hot"


def _last_axis(call: ast.Call) -> ast.expr | None:
    """The ``axis`` argument of *call* when it is the literal ``-1``, else None."""
    axis = next((k.value for k in call.keywords if k.arg == "axis"), call.args[1] if len(call.args) > 1 else None)
    if isinstance(axis, ast.UnaryOp) and isinstance(axis.op, ast.USub) and isinstance(axis.operand, ast.Constant) \
            and axis.operand.value == 1:
        return axis
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    producer, call, axis, steps = found
    path = producer.file
    edit = TextEdit.replacing(path, axis, steps)
    fix = script_checked_fix(f"sum the one-hot rows over the sequence: axis={steps}", edit.shown(), display_path(path),
                             axis.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", producer.layer, producer.cls, display_path(path), axis.lineno,
                            linecache.getline(path, axis.lineno).strip())
    for step in finding.path:
        if step is producer:
            step.role = "culprit"
    finding.explanation = (
        f"`{producer.cls}.call` reduces its one-hot tensor over axis -1, the one-hot depth: each row there holds "
        f"exactly one 1, so the result is all ones, one per step, {producer.output_shape}, and the steps axis is "
        f"unknown, which the next layer cannot size its weights by. Counting each token over the sequence reduces "
        f"over the steps axis, axis={steps}, which leaves one value per token id, a defined width.")
    finding.fixes = [fix]
    return finding
