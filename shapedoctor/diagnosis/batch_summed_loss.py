"""A hand-written loss that sums over the samples of the batch (SD210, silent).

keras-focal-loss#2 (r665): ``binary_focal_loss`` returned ``-K.sum(alpha * K.pow(1 - pt, gamma) *
K.log(pt))``, one number for the whole batch, so the loss of one sample and of ten differed tenfold. The
merged fix is ``K.mean``. Keras averages what a loss returns over the batch; a loss that sums the samples
itself grows with the batch size, and nothing raises.

Evidence, measured with the user's own loss: a plain function given to ``compile`` in the user's file,
called on two samples (labels from the training call, predictions of the model's output shape) and on
the same two samples twice, returns a single number both times, and the second is twice the first. The
root cause is the first ``sum``/``reduce_sum`` over everything (no ``axis``) in that function; the fix
turns each of them into ``mean``/``reduce_mean``, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import types
from typing import Any

from shapedoctor.report.model import Finding

_SUMS = {"sum": "mean", "reduce_sum": "reduce_mean"}


def batch_summed_loss_findings(recorder: Any) -> list[Finding]:
    """One SD210 warning per hand-written loss measured to sum over the batch."""
    from shapedoctor.diagnosis.training_base import findings_per_call

    def key(call):
        loss = getattr(call, "loss", None)
        return id(loss.__code__) if isinstance(loss, types.FunctionType) else None

    return findings_per_call(recorder, key, lambda call: _finding(call, call.loss))


def _summed_over_batch(call: Any, loss: Any) -> bool:
    """The loss returns one number for two samples and twice that number for the same two samples twice."""
    import numpy as np
    from keras import ops

    from shapedoctor.diagnosis.training_base import model_outputs

    outputs = model_outputs(call.model)
    y = call.y
    if len(outputs) != 1 or None in outputs[0][1:] or not isinstance(y, np.ndarray) or len(y) < 2 \
            or y.dtype.kind not in "fiub":
        return False
    labels = y[:2].astype("float32")
    size = int(np.prod(outputs[0][1:], dtype=np.int64))
    predictions = np.linspace(0.2, 0.8, 2 * size, dtype="float32").reshape((2,) + tuple(outputs[0][1:]))
    values = []
    for times in (1, 2):
        value = loss(ops.convert_to_tensor(np.concatenate([labels] * times)),
                     ops.convert_to_tensor(np.concatenate([predictions] * times)))
        value = np.asarray(ops.convert_to_numpy(value), dtype="float64")
        if value.shape != () or not np.isfinite(value) or abs(float(value)) < 1e-6:
            return False
        values.append(float(value))
    return abs(values[1] - 2 * values[0]) <= 1e-4 * abs(2 * values[0])


def _finding(call: Any, loss: Any) -> Finding | None:
    from shapedoctor.trace.sites import is_user_file, source_tree

    code = loss.__code__
    if call.method not in ("fit", "evaluate") or call.site is None or not is_user_file(code.co_filename):
        return None
    tree = source_tree(code.co_filename)
    function = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == code.co_name
                     and code.co_firstlineno in (f.lineno, *(d.lineno for d in f.decorator_list))), None)
    if function is None:
        return None
    sums = sorted(_total_sums(function), key=lambda c: (c.lineno, c.col_offset))
    if not sums or not _summed_over_batch(call, loss):
        return None
    return _report(call, loss, code.co_filename, sums)


def _total_sums(function: ast.FunctionDef) -> list[ast.Call]:
    """The ``x.sum(t)``/``x.reduce_sum(t)`` calls of *function*'s own body (not of functions nested in
    it) that reduce over every axis: one argument, no ``axis``, written on one line."""
    found = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr in _SUMS \
                    and len(child.args) == 1 and not child.keywords and child.func.end_lineno == child.func.lineno:
                found.append(child)
            visit(child)

    visit(function)
    return found


def _report(call: Any, loss: Any, path: str, sums: list[ast.Call]) -> Finding:
    from shapedoctor.families import get
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    fam = get("SD210")
    edits = []
    for node in sums:
        func = node.func
        start = func.end_col_offset - len(func.attr)
        edits.append(TextEdit(path, func.end_lineno, start, func.end_lineno, func.end_col_offset, _SUMS[func.attr]))
    first = sums[0]
    line = linecache.getline(path, first.lineno)
    shown = next(e for e in edits if e.start_line == first.lineno).shown()
    name = loss.__name__
    what = f"{first.func.attr}" if len(sums) == 1 else " and ".join(sorted({n.func.attr for n in sums}))
    fix = script_checked_fix(f"average over the batch: {_SUMS[first.func.attr]} instead of {first.func.attr}"
                             + (f" ({len(sums)} places)" if len(sums) > 1 else ""),
                             shown, display_path(path), first.lineno, edits, cost=1)
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"loss `{name}` sums over the samples of the batch: twice the samples, twice the loss",
        consumer=Place("loss", None, name, call.site.file, call.site.line, call.site.code),
        culprit=Place("loss", None, name, display_path(path), first.lineno, line.strip()),
        expected="one value per sample, or their mean", received="one sum over the whole batch",
        explanation=(f"`{name}` returns one number for the whole batch: measured with your loss, two samples gave "
                     "a value and the same two samples twice gave exactly twice that value. The `"
                     f"{what}` without an axis adds up every sample. Keras averages what a loss returns over the "
                     "batch, so a summed loss grows with the batch size: `batch_size` silently scales the learning "
                     "rate, the last smaller batch of each epoch counts less, and the loss reported changes when "
                     "only the batch size does. Nothing raises."),
        fixes=[fix])
