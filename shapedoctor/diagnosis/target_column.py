"""Forecast targets taken from the whole table when the model predicts one of its columns.

Deep Learning with Python (chapter 13) cuts the normalised weather table into windows with
``timeseries_dataset_from_array(raw_data[:-delay], targets=temperature[delay:], ...)``: the inputs are all
the columns, the target the temperature alone, and the model ends in ``Dense(1)``. With
``targets=raw_data[delay:]`` every target is a row of all six columns, and mse silently broadcasts the one
forecast against them (r707). Widening the output to six would build and train, but forecast the wrong
thing: the script already names the column it means.

Evidence, recorded and read: a training call's labels are ``(n, k)`` rows against a one-unit output; the
script passes ``targets=A[...]`` (or ``y=A[...]``) with ``A`` a 2-D array of the script's of ``k`` columns;
the script binds exactly one name, once, at its top level, to one column of ``A`` (``temperature =
raw_data[:, 1]``, a ``.copy()`` allowed). Every such ``targets=A[...]`` is rewritten on that name
(``targets=temperature[delay:]``); the first is the root cause. Proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def target_column(finding: Any, recorder: Any) -> Any:
    """*finding* (labels of k columns against one output unit) aimed at the targets taken from the whole
    table, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id not in ("SD204", "SD202"):
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _column_of(value: ast.expr) -> tuple[str, ast.expr] | None:
    """``A[:, j]`` (or ``A[:, j].copy()``): (A, j)."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "copy" \
            and not value.args:
        value = value.func.value
    if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)
            and isinstance(value.slice, ast.Tuple) and len(value.slice.elts) == 2):
        return None
    rows, column = value.slice.elts
    if not (isinstance(rows, ast.Slice) and rows.lower is None and rows.upper is None and rows.step is None):
        return None
    return (value.value.id, column) if isinstance(column, (ast.Constant, ast.Name)) else None


def _found(recorder: Any):
    import numpy as np

    from shapedoctor.trace.sites import source_tree

    names = getattr(recorder, "module_globals", None) or {}
    file = names.get("__file__")
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.method in ("fit", "evaluate")]
    if not isinstance(file, str) or not calls:
        return None
    from shapedoctor.diagnosis.training_base import model_outputs

    call = calls[0]
    outputs = model_outputs(call.model)
    labels = call.y_shapes
    if len(outputs) != 1 or tuple(outputs[0][1:]) != (1,) or not isinstance(labels, tuple) or len(labels) != 2 \
            or not isinstance(labels[1], int) or labels[1] < 2:
        return None
    width = labels[1]
    tree = source_tree(file)
    columns = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            column = _column_of(statement.value)
            if column is not None:
                columns.setdefault(column[0], []).append(statement.targets[0].id)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg not in ("targets", "y") or not isinstance(value, ast.Subscript) \
                    or not isinstance(value.value, ast.Name):
                continue
            table = names.get(value.value.id)
            picked = columns.get(value.value.id, [])
            if isinstance(table, np.ndarray) and table.ndim == 2 and table.shape[1] == width and len(picked) == 1 \
                    and isinstance(names.get(picked[0]), np.ndarray) and names[picked[0]].ndim == 1:
                edits.append((value.value, picked[0]))
    if not edits:
        return None
    return file, edits, width


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, edits, width = found
    text_edits = [TextEdit.replacing(file, node, column) for node, column in edits]
    first, column = edits[0]
    table = first.id
    fix = script_checked_fix(f"forecast the column the script names: `{column}` in place of `{table}` as targets"
                             + (f" ({len(edits)} places)" if len(edits) > 1 else ""), text_edits[0].shown(),
                             display_path(file), first.lineno, text_edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("labels", table, "labels", file, first.lineno)
    finding.explanation = (
        f"The targets are rows of the whole table `{table}`, all {width} columns, while the model gives one value "
        f"per sample: the loss compares that one value with each of the {width}. The script names the column "
        f"it forecasts, `{column}`; take the targets from it. Widening the output to {width} units would "
        "train, but it would forecast every column instead.")
    finding.fixes = [fix]
    return finding
