"""Rows reshaped into one-step samples where every k consecutive rows make one labelled sample.

A stream of sensor readings, one row each, where every five readings make one gesture with one label: the
user reshapes the readings to ``(n_readings, 1, n_channels)``, one time step per sample, and ``fit`` refuses
900 samples against 180 labels (keras-team/keras#2045, r881: "with one label per five vectors, set the
timesteps to 5"). Keras names the counts; the cause is the reshape that put each reading in a sample of its
own instead of grouping them.

Evidence, recorded and read: the failing ``fit`` got x of shape (N, 1, F) and M labels, N a whole multiple
k >= 2 of M; the line that last assigned x is a one-line reshape whose sizes are written (three of them, the
middle one the literal 1); the model's input is declared from x's own shape (its ``Input`` line reads x's
name) so it follows the new layout. The reshape is the root cause; the fix writes the sizes ``(-1, k, F)``
(k in the user's name for it when the script binds one to that value), each sample k consecutive readings,
proven by running the patched script. Slicing x to the labels' count (which throws most readings away) stays
an unverified option.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def grouped_rows(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the reshape that should group the rows (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.data_origin import _statement_at
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line
    from shapedoctor.trace.sites import called_name, module_ints, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is exc and c.method == "fit"]
    if exc is None or len(calls) != 1 or calls[0].site is None:
        return None
    call = calls[0]
    x, y = call.x_shapes, call.y_shapes
    if not (isinstance(x, tuple) and len(x) == 3 and x[1] == 1 and isinstance(y, tuple) and y and y[0]):
        return None
    n, m = x[0], y[0]
    if not (isinstance(n, int) and isinstance(m, int) and n > m and n % m == 0):
        return None
    k = n // m
    site = call.site
    var = argument_name(site, 0, "x")
    line = assignment_line(site, var) if var else None
    tree = source_tree(site.file)
    made = _statement_at(site.file, line) if line else None
    value = made.value if made is not None and made.end_lineno == line else None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "reshape"):
        return None
    sizes = value.args[0].elts if len(value.args) == 1 and isinstance(value.args[0], ast.Tuple) else value.args
    if len(sizes) != 3 or not (isinstance(sizes[1], ast.Constant) and sizes[1].value == 1):
        return None
    declared = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) in ("Input", "InputLayer")]
    source = "".join(linecache.getlines(site.file))
    if len(declared) != 1 or var not in (ast.get_source_segment(source, declared[0]) or ""):
        return None  # the model's input would not follow the new layout
    names = [name for name, v in module_ints(tree).items() if v == k]
    return site.file, line, sizes, names[0] if len(names) == 1 else str(k), k, var, n, m


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, line, sizes, spelled, k, var, n, m = found
    edits = [TextEdit.replacing(path, sizes[0], "-1"), TextEdit.replacing(path, sizes[1], spelled)]
    shown = linecache.getline(path, line)
    for edit in sorted(edits, key=lambda e: -e.start_col):
        shown = shown[:edit.start_col] + edit.text + shown[edit.end_col:]
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", var, "data", path, line)
    finding.explanation = (
        f"`{var}` was reshaped to one time step per sample, {n} samples, but there are {m} labels: one for every {k} "
        f"consecutive rows. Group the rows: each sample is {k} steps, `(-1, {spelled}, ...)` gives {m} samples, one "
        "per label, and keeps every row. " + (finding.explanation or ""))
    fix = script_checked_fix(f"make each sample {k} consecutive rows, one per label", shown.strip(), display_path(path),
                             line, edits, cost=1)
    finding.fixes = [fix] + [f for f in finding.fixes if f is not fix]
    return finding
