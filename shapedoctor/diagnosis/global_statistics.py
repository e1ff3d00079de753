"""A Normalization layer given one mean and variance for features on different scales (SD201, silent).

The MLflow quickstart passes ``Normalization(mean=mean, variance=var)`` with ``mean = np.mean(train_x)``:
one number over the whole table, where each of the 11 wine features (acidity ~7, sulfur dioxide ~140,
density ~1) needs its own. Keras broadcasts the scalar over every feature without a word, and the
features stay on their own scales. The reporter's follow-up: ``np.mean(train_x, axis=0)``.

Evidence, read: a Normalization layer that ran on inputs with k > 1 features was made with a scalar
mean (and variance); the names it was given are bound at the script's top level to ``np.mean(X)`` /
``np.var(X)`` / ``np.std(X) ** 2`` (or ``X.mean()``...) without ``axis``, X a (N, k) array of the script
whose column means differ by more than ten times. Those lines are the cause; the fix adds ``axis=0``,
proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding
from shapedoctor.trace.sites import source_tree

_STATS = ("mean", "var", "std")


def global_statistics_findings(recorder: Any) -> list[Finding]:
    out = []
    for layer in _normalizations(recorder):
        try:
            finding = _finding(recorder, layer)
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
            finding = None
        if finding is not None:
            out.append(finding)
    return out


def _normalizations(recorder: Any) -> list:
    seen, found = set(), []
    for run in getattr(recorder, "runs", []):
        for step in run.steps:
            if step.cls == "Normalization" and step.shape and len(step.shape) == 2 and (step.shape[-1] or 0) > 1:
                layer = next((x for x in recorder.created_layers() if getattr(x, "name", None) == step.name
                              and type(x).__name__ == "Normalization"), None)
                if layer is not None and id(layer) not in seen:
                    seen.add(id(layer))
                    found.append((layer, step.shape[-1]))
    return found


def _finding(recorder: Any, found: Any) -> Finding | None:
    import numpy as np

    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.families import get
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, display_path

    layer, k = found
    config = layer.get_config()
    if np.ndim(config.get("mean")) != 0 or config.get("mean") is None:
        return None
    site = recorder.creation_site(layer)
    names = getattr(recorder, "module_globals", None) or {}
    file = names.get("__file__")
    if site is None or not isinstance(file, str):
        return None
    tree = source_tree(file)
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and called_name(n.func) == "Normalization"
            and n.lineno <= site.line <= (n.end_lineno or n.lineno)]
    if len(made) != 1:
        return None
    given = [k_.value for k_ in made[0].keywords if k_.arg in ("mean", "variance") and isinstance(k_.value, ast.Name)]
    bound = single_assignments(tree)
    stats = []
    for name in given:
        stmt = bound.get(name.id)
        call = stmt.value if stmt is not None else None
        if not isinstance(call, ast.Call) or call.keywords or called_name(call.func) not in _STATS:
            return None
        arr_node = call.args[0] if call.args else (call.func.value if isinstance(call.func, ast.Attribute) else None)
        if len(call.args) > 1 or not isinstance(arr_node, ast.Name):
            return None
        arr = names.get(arr_node.id)
        if not isinstance(arr, np.ndarray) or arr.ndim != 2 or arr.shape[1] != k:
            return None
        columns = np.abs(arr.mean(axis=0)) + 1e-12
        if columns.max() / columns.min() <= 10:
            return None
        stats.append((stmt, call))
    if len(stats) != len(given) or not stats:
        return None
    edits, shown = [], []
    for stmt, call in stats:
        text = linecache.getline(file, call.lineno)
        if call.lineno != call.end_lineno or not text.isascii():
            return None
        end = call.end_col_offset - 1  # before the closing parenthesis
        sep = ", " if call.args else ""
        edit = TextEdit(file, call.lineno, end, call.lineno, end, f"{sep}axis=0")
        edits.append(edit)
        shown.append(edit.shown())
    fix = script_checked_fix("one mean and variance per feature: axis=0", "\n".join(shown), display_path(file),
                             stats[0][0].lineno, edits, cost=1)
    fam = get("SD201")
    from shapedoctor.report.model import Place

    first = stats[0][0]
    culprit = Place("data", first.targets[0].id, "data", display_path(file), first.lineno,
                    linecache.getline(file, first.lineno).strip())
    consumer = Place("layer", layer.name, "Normalization", site.file, site.line, site.code)
    return Finding(
        fam.id, fam.slug, "warning",
        f"Normalization `{layer.name}` normalizes {k} features with one mean and one variance",
        consumer=consumer, culprit=culprit, expected=f"({k},) statistics", received="() statistics",
        explanation=(f"`{first.targets[0].id}` is computed over the whole array on line {first.lineno}: one number "
                     f"for all {k} features, whose own means differ by more than ten times. Keras broadcasts it over "
                     "every feature without a word, so the features keep their scales. Compute one value per "
                     "feature (axis=0), or let the layer `adapt` to the data."),
        fixes=[fix],
    )
