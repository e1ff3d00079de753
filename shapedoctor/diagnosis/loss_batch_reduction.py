"""A hand-written loss that reduces over the batch axis: the reduction's ``axis=0`` is the cause.

A Keras loss returns one value per sample: Keras weighs each by its sample weight and averages them
itself. ``ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=0))`` sums over the samples instead and
returns one value per output unit (5 here). With ``sample_weight`` the product of those 5 values
and the 32 weights of the batch fails deep in the graph: ``Dimensions must be equal, but are 5 and 32
for '{{node compile_loss/euclidean_dis_loss/mul}} ...`` (keras-team/keras#10408; the reporter found
that summing over ``axis=-1`` works). Keras names neither the loss nor the line.

Evidence, read: the graph node the error names sits in ``compile_loss/<name>/``, multiplying two
vectors; the user's own code defines one function of that name; its body reduces along axis 0 in
exactly one call (``sum``/``mean``/``max``... with ``axis=0``). That call's line is the root cause, and
the fix reduces along the last axis (``axis=-1``), one distance per sample, proven by running the
patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_NODE = re.compile(r"Dimensions must be equal, but are (\d+) and (\d+) for '\{\{node compile_loss/(\w+)/\w+\}\}.*?"
                   r"with input shapes: \[(\d*)\], \[(\d*)\]", re.S)
_REDUCTIONS = {"sum", "mean", "max", "min", "prod", "std", "var", "norm", "logsumexp",
               "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_std"}


def loss_batch_reduction(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the reduction over the batch axis in the user's loss (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, name, axis, per_unit, batch = found
    edit = TextEdit.replacing(file, axis, "-1")
    fix = script_checked_fix("reduce each sample on its own axis, not across the batch: axis=-1", edit.shown(),
                             display_path(file), axis.lineno, [edit], cost=1)
    text = linecache.getline(file, axis.lineno).strip()
    finding.message = f"the loss `{name}` reduces over the batch axis (axis=0, line {axis.lineno})"
    finding.culprit = Place("loss", None, name, display_path(file), axis.lineno, text)
    finding.fixes = [fix]
    finding.explanation = (
        f"A Keras loss must return one value per sample: Keras then weighs each by its sample weight and "
        f"averages them. `{name}` reduces along axis 0, the batch axis, so it returns {per_unit} values (one per "
        f"output unit) for a batch of {batch} samples, which the {batch} sample weights cannot multiply. Reduce "
        "along the last axis to get one value per sample.")
    return finding


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.trace.sites import called_name

    match = _NODE.search(str(exc))
    if match is None or {match.group(4), match.group(5)} != {match.group(1), match.group(2)}:
        return None
    name = match.group(3)
    hits = []
    for file in user_files(exc):
        try:
            tree = source_tree(file)
        except SyntaxError:
            continue
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or fn.name != name:
                continue
            for call in ast.walk(fn):
                if isinstance(call, ast.Call) and called_name(call.func) in _REDUCTIONS:
                    axis = _axis(call)
                    if isinstance(axis, ast.Constant) and axis.value == 0 and axis.lineno == axis.end_lineno:
                        hits.append((file, axis))
    if len(hits) != 1:
        return None
    file, axis = hits[0]
    if not linecache.getline(file, axis.lineno).isascii():
        return None
    first, second = int(match.group(4) or 0), int(match.group(5) or 0)
    return file, name, axis, first, second


def _axis(call: ast.Call) -> ast.expr | None:
    """The ``axis`` of a reduction call: its keyword, or its second positional argument."""
    for kw in call.keywords:
        if kw.arg == "axis":
            return kw.value
    return call.args[1] if len(call.args) >= 2 else None
