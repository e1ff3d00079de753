"""A categorical metric compiled for integer class labels (SD209, silent).

keras-team/keras#2471 (r670): a topic classifier trained with ``sparse_categorical_crossentropy`` on
integer topic ids reports ``metrics=["categorical_accuracy"]``. That metric takes the argmax of each
label row as if it were one-hot; an integer id has no class axis, so the accuracy it reports means
nothing, while the loss trains normally. The pull request's answer is the sparse metric,
``sparse_categorical_accuracy``.

Evidence, recorded and read: a ``fit``/``evaluate`` call whose labels are integer class ids, one per
sample (``(n,)`` or ``(n, 1)``, every value a whole number below the output's width), for a model whose
output gives ``k > 1`` values per sample; the model's compile config lists a categorical metric. The
metric's spelling in the script's ``compile`` call is the root cause; the fix writes the sparse metric
there (and renames the history keys the script reads, ``val_categorical_accuracy``), proven by running
the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding

# A categorical metric (one-hot labels) -> its sparse twin (integer labels), by string and by class.
_SPARSE = {
    "categorical_accuracy": "sparse_categorical_accuracy",
    "top_k_categorical_accuracy": "sparse_top_k_categorical_accuracy",
    "CategoricalAccuracy": "SparseCategoricalAccuracy",
    "TopKCategoricalAccuracy": "SparseTopKCategoricalAccuracy",
}


def metric_encoding_findings(recorder: Any) -> list[Finding]:
    """One SD209 warning per categorical metric a training call measured on integer labels."""
    out: list[Finding] = []
    seen: set = set()
    for call in getattr(recorder, "training_calls", None) or []:
        try:
            finding = _finding(call)
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
            continue
        if finding is not None and (finding.culprit.file, finding.culprit.line) not in seen:
            seen.add((finding.culprit.file, finding.culprit.line))
            out.append(finding)
    return out


def categorical_metric_names(model: Any) -> list[str]:
    """The metrics *model* was compiled with that read one-hot label rows (``categorical_accuracy``, ...)."""
    config = model.get_compile_config() if hasattr(model, "get_compile_config") else None
    metrics = (config or {}).get("metrics") or []
    names = []
    for metric in metrics if isinstance(metrics, list) else []:
        if isinstance(metric, str):
            names.append(metric)
        elif isinstance(metric, dict):
            names.append(metric.get("class_name", ""))
    return [n for n in names if n in _SPARSE]


def _integer_ids(call: Any, width: int) -> bool:
    import numpy as np

    y = call.y
    if not isinstance(y, np.ndarray) or y.size == 0 or not isinstance(call.y_shapes, tuple):
        return False
    if not (len(call.y_shapes) == 1 or (len(call.y_shapes) == 2 and call.y_shapes[1] == 1)):
        return False
    values = y.astype("float64", copy=False)
    top = call.y_max if isinstance(call.y_max, (int, float)) else float(values.max())
    return bool(np.all(values == np.round(values)) and values.min() >= 0 and top < width)


def _finding(call: Any) -> Finding | None:
    from shapedoctor.diagnosis.training_base import model_outputs

    if call.method not in ("fit", "evaluate") or call.site is None or call.batched:
        return None
    outputs = model_outputs(call.model)
    if len(outputs) != 1 or len(outputs[0]) != 2 or not isinstance(outputs[0][-1], int) or outputs[0][-1] < 2:
        return None
    names = categorical_metric_names(call.model)
    width = outputs[0][-1]
    if not names or not _integer_ids(call, width):
        return None
    written = _written(call.site.file, call.site.line, names[0])
    if written is None:
        return None
    return _report(call, names[0], written, width)


def _written(path: str, line: int, name: str):
    """The spelling of metric *name* in the last ``compile(..., metrics=[...])`` above *line* of *path*:
    (node to replace, its new text), or None."""
    from shapedoctor.trace.sites import source_tree

    tree = source_tree(path)
    compiles = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                and c.func.attr == "compile" and c.lineno <= line]
    for compiled in sorted(compiles, key=lambda c: c.lineno, reverse=True):
        listed = next((k.value for k in compiled.keywords if k.arg == "metrics"), None)
        for item in listed.elts if isinstance(listed, (ast.List, ast.Tuple)) else []:
            if isinstance(item, ast.Constant) and item.value == name:
                quote = linecache.getline(path, item.lineno)[item.col_offset]
                return item, f"{quote}{_SPARSE[name]}{quote}"
            func = item.func if isinstance(item, ast.Call) else None
            if isinstance(func, ast.Attribute) and func.attr == name:
                return func, ast.unparse(func.value) + "." + _SPARSE[name]
            if isinstance(func, ast.Name) and func.id == name:
                return None  # imported by its own name: the sparse class would need an import too
        if listed is not None:
            return None
    return None


_KEY = {"CategoricalAccuracy": "categorical_accuracy", "TopKCategoricalAccuracy": "top_k_categorical_accuracy"}


def _history_keys(path: str, key: str) -> list:
    """Edits renaming the metric's history keys the script reads (``history.history["val_categorical_accuracy"]``)
    to the sparse metric's, so the rest of the script still finds them."""
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import source_tree

    edits = []
    for node in ast.walk(source_tree(path)):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
                and node.slice.value in (key, f"val_{key}"):
            old = node.slice
            text = linecache.getline(path, old.lineno)
            if old.lineno == old.end_lineno and text.isascii():
                quote = text[old.col_offset]
                edits.append(TextEdit.replacing(path, old, f"{quote}{old.value.replace(key, 'sparse_' + key)}{quote}"))
    return edits


def _report(call: Any, name: str, written: Any, width: int) -> Finding:
    from shapedoctor.families import get
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    fam = get("SD209")
    node, text = written
    path = call.site.file
    edits = [TextEdit.replacing(path, node, text)] + _history_keys(path, _KEY.get(name, name))
    edit = edits[0]
    sparse = _SPARSE[name]
    fix = script_checked_fix(f"measure integer labels with the sparse metric: {sparse}", edit.shown(),
                             display_path(path), node.lineno, edits, cost=1)
    code = linecache.getline(path, node.lineno).strip()
    shape = "(" + ", ".join(str(v) for v in call.y_shapes) + ("," if len(call.y_shapes) == 1 else "") + ")"
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"`{name}` is measured on integer class labels {shape}: it expects one-hot rows of {width}",
        consumer=Place("labels", None, "labels", call.site.file, call.site.line, call.site.code),
        culprit=Place("loss", None, name, display_path(path), node.lineno, code),
        expected=f"one-hot labels (n, {width})", received=f"class ids {shape}",
        explanation=(f"The labels are one class id per sample and the model gives {width} values per sample. "
                     f"`{name}` takes the argmax of each label row as if it were one-hot, so with class ids it "
                     "compares the predicted class with the wrong number: the accuracy it reports means nothing, "
                     f"while the loss trains normally and nothing raises. `{sparse}` compares the id with the "
                     "argmax of the prediction."),
        fixes=[fix])


def crashed_metric(found: list[Finding], exc: BaseException | None) -> list[Finding]:
    """*found* with the error a top-k categorical metric raised on class ids (``in_top_k`` of a rank-0 target:
    "Shape must be rank 1 but is rank 0", r1114) replaced by that metric's SD209 finding, now an error: the
    metric, not the data's rank, is the cause, and its fix (the sparse metric) is the one that runs."""
    text = str(exc or "")
    if "in_top_k" not in text and "InTopK" not in text:
        return found
    metric = next((f for f in found if f.id == "SD209" and "top_k" in f.message), None)
    crashed = [f for f in found if f.severity == "error" and f is not metric]
    if metric is None or len(crashed) != 1:
        return found
    metric.severity = "error"
    metric.keras_message = crashed[0].keras_message
    metric.explanation = (metric.explanation or "").replace(
        "while the loss trains normally and nothing raises.",
        "and here it fails outright: TensorFlow's in_top_k wants one class id per sample, and the argmax of an id "
        "has no axis left (\"Shape must be rank 1 but is rank 0\").")
    return [metric] + [f for f in found if f is not metric and f is not crashed[0]]
