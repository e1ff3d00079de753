"""A "last window" cut with a start index written for another series: it holds too few (or too many) rows.

A forecasting notebook seeds its day-by-day forecast with the last ``time_step`` values of the test
series, cut as ``test_data[341:]``: 341 is the test split's length minus 100 for the notebook's own data.
On another series the split has another length, the slice holds 99 rows, and the NumPy reshape to the
model's window, ``(1, 100, 1)``, fails: "cannot reshape array of size 99 into shape (1,100,1)"
(krishnaik06/Stock-MArket-Forecasting#6, r782). NumPy names the reshape; the cause is the start index.

Evidence, read from the failing frame and the script: the error is NumPy's reshape of an array the
failing line names (``NAME.reshape(...)``); the script binds ``NAME`` before that line from a slice
``SERIES[K:]`` with a constant start ``K`` and no stop, ``SERIES`` an array the script holds, and
``len(SERIES) - K`` rows of it give exactly the size NumPy names, while the reshape's target needs a
whole number of rows that the series has and is a batch of the model's own input shape. That slice is the root cause; the fix counts from the end,
``SERIES[-ROWS:]``, with the name the script gives that count when it has one bound before the slice,
proven by running the patched script.
"""

from __future__ import annotations

import ast
import math
from typing import Any


def short_window_slice(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the constant-start slice that cut the window (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import numpy_reshape
    from shapedoctor.trace.sites import source_tree

    failed = numpy_reshape(exc)
    if failed is None:
        return None
    size, target, frame, line = failed
    if not _model_window(recorder, target):
        return None
    needed = math.prod(target)
    path = frame.f_code.co_filename
    tree = source_tree(path)
    name = _reshaped_name(tree, line)
    if name is None:
        return None
    scope = {**frame.f_globals, **frame.f_locals}
    cuts = []
    for statement in ast.walk(tree):
        if not (isinstance(statement, ast.Assign) and statement.lineno < line and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == name):
            continue
        for cut in ast.walk(statement.value):
            found = _cut(cut, scope, size, needed)
            if found is not None:
                cuts.append((statement,) + found)
    if len(cuts) != 1:
        return None
    statement, cut, series, rows = cuts[0]
    spelled = _count_name(tree, scope, rows, cut.lineno, line) or str(rows)
    return path, statement, cut, series, rows, spelled, size, target


def _model_window(recorder: Any, target: tuple) -> bool:
    """Whether *target* is a batch of windows of a model the script made (its one input's shape)."""
    import keras

    for layer in recorder.created_layers():
        inputs = getattr(layer, "inputs", None) if isinstance(layer, keras.Model) else None
        if inputs and len(inputs) == 1 and tuple(inputs[0].shape)[1:] == target[1:]:
            return True
    return False


def _reshaped_name(tree: ast.Module, line: int) -> str | None:
    """The one name reshaped on *line* (``NAME.reshape(...)``), or None."""
    names = {node.func.value.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "reshape"
             and isinstance(node.func.value, ast.Name) and node.lineno <= line <= node.end_lineno}
    return names.pop() if len(names) == 1 else None


def _cut(node: ast.AST, scope: dict, size: int, needed: int):
    """(slice node, series name, rows needed) when *node* is ``SERIES[K:]`` whose rows make *size*."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Slice)
            and node.slice.upper is None and node.slice.step is None and isinstance(node.slice.lower, ast.Constant)
            and type(node.slice.lower.value) is int and node.slice.lower.value > 0 and node.lineno == node.end_lineno):
        return None
    series = scope.get(node.value.id)
    shape = getattr(series, "shape", None)
    if not isinstance(shape, tuple) or not shape or not all(isinstance(d, int) for d in shape):
        return None
    length, per_row = shape[0], math.prod(shape[1:])
    start = node.slice.lower.value
    if not per_row or start >= length or (length - start) * per_row != size or needed % per_row:
        return None
    rows = needed // per_row
    if rows > length or rows == length - start:
        return None
    return node.slice, node.value.id, rows


def _count_name(tree: ast.Module, scope: dict, rows: int, before: int, failing: int) -> str | None:
    """A top-level name bound to *rows* before line *before*: the one the failing line uses first, else an
    upper-case one when there is exactly one."""
    bound = {}
    for statement in tree.body:
        if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name) and statement.lineno < before):
            bound.setdefault(statement.targets[0].id, statement.lineno)
    names = [n for n in bound if type(scope.get(n)) is int and scope.get(n) == rows]
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)
            and getattr(node, "lineno", 0) == failing}
    first = [n for n in names if n in used]
    if first:
        return first[0]
    upper = [n for n in names if n.isupper()]
    return upper[0] if len(upper) == 1 else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, cut, series, rows, spelled, size, target = found
    start = cut.lower.value
    edit = TextEdit.replacing(path, cut.lower, f"-{spelled}")
    fix = script_checked_fix(f"take the last {rows} rows of `{series}`: `{series}[-{spelled}:]`", edit.shown(),
                             display_path(path), statement.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", statement.targets[0].id, "data", path, statement.lineno)
    finding.message = (f"`{series}[{start}:]` holds {size} values, the reshape to {target} needs "
                       f"{math.prod(target)}: the start index counts from the front of `{series}`")
    finding.explanation = (
        f"`{series}[{start}:]` keeps the rows of `{series}` from row {start} to its end: {size} values, because "
        f"`{series}` has its own length. The reshape to {target} needs {math.prod(target)} values, the last "
        f"{rows} rows. A start index written as a number is right for one series only; count from the end "
        f"instead: `{series}[-{spelled}:]` is the last {rows} rows whatever the series' length.")
    finding.fixes = [fix]
    return finding
