"""A compiled metric that refuses the labels and predictions the loss accepts.

A training step updates every compiled metric after the loss. When a metric cannot pair the labels with
the predictions, TensorFlow raises deep inside it ("Dimensions must be equal, but are 32 and 64 for
LogicalAnd") and Keras's filtered traceback shows neither the metric nor the loss, so the error reads like
a label problem. Seen in real threads:

* ``Precision()``/``Recall()`` on a two-way softmax trained on 0/1 labels (tensorflow#42182, r669): these
  metrics threshold one probability per label; the maintainers' answer for a binary problem is one sigmoid
  unit with ``binary_crossentropy``;
* ``MeanIoU(num_classes=k)`` on a per-pixel softmax with integer masks (tensorflow#32875, r668): the metric
  compares class ids; ``sparse_y_pred=False`` makes it take the argmax of the probabilities itself;
* ``F1Score`` on per-pixel masks (r672): it takes (batch, classes) only; the reporter's workaround, a copy
  of the metric that reshapes both tensors to ``(-1, classes)`` before updating, is written as a subclass
  of the metric above the line that makes it (checked first: the metric accepts the flattened tensors).

Evidence, all Keras's own: the call that failed is a ``fit``/``evaluate`` whose compiled loss accepts a few
of its labels against predictions of the model's output shape, while exactly one compiled metric (a fresh
copy, built from its config) raises on the same two tensors. The metric's spelling is the root cause (or
the output head, for the binary metrics: the source's fix is there); fixes are proven by running the
patched script.
"""

from __future__ import annotations

import ast
import linecache
from contextlib import contextmanager
from typing import Any

# Metrics that threshold one probability per label: a binary problem wants one sigmoid unit.
_THRESHOLDED = frozenset({
    "Precision", "Recall", "AUC", "TruePositives", "FalsePositives", "TrueNegatives", "FalseNegatives",
    "PrecisionAtRecall", "RecallAtPrecision", "SensitivityAtSpecificity", "SpecificityAtSensitivity",
})
_IOU = frozenset({"MeanIoU", "IoU"})
_ROWS = frozenset({"F1Score", "FBetaScore"})  # (batch, classes) only: per-position maps are flattened first
_SAMPLES = 4


def metric_refusal(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* re-aimed at the compiled metric that refused the labels the loss accepted, or *finding*.
    Without a finding (an error text no other rule reads), a new one when the evidence is there."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None and exc is not None:
        from shapedoctor.families import get
        from shapedoctor.report.model import Finding

        family = get("SD202")
        blank = Finding(family.id, family.slug, family.severity, "", keras_message=str(exc).strip().splitlines()[0]
                        if str(exc).strip() else None)
        aimed = reaimed(blank, _found, _aim, exc, blank, recorder)
        return aimed if aimed.culprit is not None else None
    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _found(exc: BaseException, finding: Any, recorder: Any):
    import keras
    import numpy as np

    from shapedoctor.diagnosis.training_base import model_outputs

    if getattr(recorder, "failure", None) is not None or "target.shape" in str(exc):
        return None  # a layer refused, or the loss named its shapes: not a metric
    failed = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    call = failed[-1] if failed else None
    if call is None or call.method not in ("fit", "evaluate") or call.site is None or call.batched:
        return None
    outputs = model_outputs(call.model)
    y = call.y
    if len(outputs) != 1 or not isinstance(y, np.ndarray) or len(y) == 0 or None in outputs[0][1:]:
        return None
    config = call.model.get_compile_config() or {}
    listed = config.get("metrics")
    if not isinstance(listed, list) or not listed or not isinstance(config.get("loss"), (str, dict)):
        return None
    y_true = y[:_SAMPLES]
    width = outputs[0][-1]
    y_pred = np.full((len(y_true),) + tuple(outputs[0][1:]), 1.0 / max(width, 1), "float32")
    try:
        keras.losses.get(config["loss"])(y_true, y_pred)
    except Exception:  # noqa: BLE001 - the loss refuses them too: not a metric's problem
        return None
    refused = []
    with _native_stderr_muted():  # TensorFlow logs each refused eager op on the process's stderr
        for index, spec in enumerate(listed):
            if not isinstance(spec, dict):
                continue  # "accuracy" and friends: Keras picks their variant from the loss
            try:
                keras.metrics.get(spec).update_state(y_true, y_pred)
            except Exception as error:  # noqa: BLE001 - Keras's own refusal is the evidence
                refused.append((index, spec.get("class_name", ""), error))
    kinds = {name in _THRESHOLDED for _i, name, _e in refused}
    if not refused or (len(refused) > 1 and kinds != {True}):
        return None  # several metrics of different kinds: no one of them is the cause
    index, name, _error = refused[0]
    written = _written_metric(call.site.file, call.site.line, index)
    if written is None:
        return None
    return call, outputs[0], name, written, recorder


@contextmanager
def _native_stderr_muted():
    """The process's file descriptor 2 sent to /dev/null while the probe runs (Python's own
    ``sys.stderr`` is flushed first and works again after)."""
    import os
    import sys

    try:
        sys.stderr.flush()
        saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def _written_metric(path: str, line: int, index: int):
    """The metric at *index* of the last ``compile(..., metrics=[...])`` above *line*: (the list item,
    the constructor call that made it, written inline or bound once to the name listed), or None."""
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.trace.sites import source_tree

    tree = source_tree(path)
    compiles = sorted((c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                       and c.func.attr == "compile" and c.lineno <= line), key=lambda c: c.lineno)
    if not compiles:
        return None
    compiled = compiles[-1]
    listed = next((k.value for k in compiled.keywords if k.arg == "metrics"), None)
    if not isinstance(listed, (ast.List, ast.Tuple)) or index >= len(listed.elts) \
            or any(isinstance(e, ast.Starred) for e in listed.elts):
        return None
    item = listed.elts[index]
    made = item if isinstance(item, ast.Call) else None
    if isinstance(item, ast.Name):
        bound = single_assignments(tree).get(item.id)
        made = bound.value if bound is not None and isinstance(bound.value, ast.Call) else None
    return compiled, item, made


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    call, output, name, (compiled, item, made), recorder = found
    path = call.site.file
    labels = format_shape(tuple(call.y_shapes)) if isinstance(call.y_shapes, tuple) else "the labels"
    where = made if made is not None else item
    family = get("SD202")
    finding.id, finding.family = family.id, family.slug
    if finding.consumer is None:
        finding.consumer = Place("loss", None, name, display_path(path), call.site.line, call.site.code)
    finding.message = (f"metric `{name}` refuses labels {labels} with the model's output "
                       f"{format_shape((None,) + tuple(output[1:]))}; the loss accepts them")
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("loss", None, name, path, where.lineno)
    finding.explanation = (
        f"The loss accepts these labels, but a training step also updates every compiled metric, and "
        f"`{name}` refuses them: the error comes from inside the metric (Keras's shortened traceback does not "
        f"name it), not from a layer or the loss. ")
    fixes = []
    if name in _THRESHOLDED:
        finding.explanation += (
            f"`{name}` thresholds one probability per label: it wants predictions shaped like the labels, "
            f"one value per sample for 0/1 labels, not the {output[-1]} values of a softmax over the classes. "
            f"For a two-class problem use one sigmoid unit with binary_crossentropy.")
        fixes = _binary_head(call, output, compiled, recorder)
        if fixes:
            head = call.model.layers[-1].name
            finding.culprit = Place("layer", head, "Dense", display_path(path), fixes[0].line,
                                    linecache.getline(path, fixes[0].line).strip())
    elif name in _IOU:
        finding.explanation += (
            f"`{name}` compares class ids with class ids; the model gives {output[-1]} probabilities per position. "
            "`sparse_y_pred=False` makes the metric take their argmax itself.")
        fixes = _keyword_added(path, made, "sparse_y_pred=False", "let the metric take the argmax of the "
                               "probabilities: sparse_y_pred=False")
    elif name in _ROWS and len(output) > 2:
        finding.explanation += (
            f"`{name}` takes (batch, classes) rows only; the model gives a map of {output[-1]} class scores per "
            f"position, {format_shape((None,) + tuple(output[1:]))}. Flattening labels and predictions to one row "
            f"per position before the metric counts every position, the {name} over all of them.")
        fixes = _rows_metric(path, made, name, output[-1], call)
    else:
        finding.explanation += (f"Give `{name}` tensors of the layout it documents, or measure with a metric "
                                "made for these labels.")
    finding.fixes = fixes
    return finding


def _rows_metric(path: str, made: ast.Call | None, name: str, classes: int, call: Any) -> list:
    """A subclass of the metric that flattens per-position maps to (positions, classes) rows, written above
    the statement that makes the metric, which then makes the subclass; [] when the metric refuses even the
    flattened tensors or the script is shaped otherwise."""
    import keras
    import numpy as np

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path, imported_names, module_ints, source_tree

    if made is None or made.func.lineno != made.func.end_lineno:
        return []
    tree = source_tree(path)
    statement = next((s for s in tree.body if s.lineno <= made.lineno <= s.end_lineno), None)
    if statement is None or "keras" not in imported_names(tree):
        return []
    y = np.asarray(call.y[:_SAMPLES])
    if y.ndim < 3 or y.shape[-1] != classes:
        return []  # integer masks: a one-hot layout would be a second change
    flat_true = y.reshape(-1, classes).astype("float32")
    flat_pred = np.full(flat_true.shape, 1.0 / classes, "float32")
    try:
        with _native_stderr_muted():
            getattr(keras.metrics, name)(average="macro").update_state(flat_true, flat_pred)
    except Exception:  # noqa: BLE001 - the metric refuses rows too: flattening is no fix
        return []
    spelled = [k for k, v in module_ints(tree).items() if v == classes]
    count = spelled[0] if len(spelled) == 1 else str(classes)
    base = linecache.getline(path, made.func.lineno)[made.func.col_offset:made.func.end_col_offset]
    subclass = f"PerPosition{name}"
    text = (f"class {subclass}({base}):\n"
            f"    \"\"\"{name} over every position: labels and predictions flattened to (positions, classes) "
            "rows.\"\"\"\n\n"
            "    def update_state(self, y_true, y_pred, sample_weight=None):\n"
            f"        y_true = keras.ops.reshape(y_true, (-1, {count}))\n"
            f"        y_pred = keras.ops.reshape(y_pred, (-1, {count}))\n"
            "        return super().update_state(y_true, y_pred, sample_weight)\n\n")
    edits = [TextEdit.insert_line(path, statement.lineno, text.rstrip("\n") + "\n\n"),
             TextEdit.replacing(path, made.func, subclass)]
    code = text + edits[1].shown()
    return [script_checked_fix(f"flatten the per-position maps before {name}: a subclass that reshapes both to "
                               f"(-1, {count})", code, display_path(path), made.lineno, edits, cost=2)]


def _keyword_added(path: str, made: ast.Call | None, keyword: str, title: str) -> list:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    if made is None or made.end_lineno != made.lineno or any(k.arg == keyword.split("=")[0] for k in made.keywords):
        return []
    text = linecache.getline(path, made.lineno)
    close = made.end_col_offset - 1
    if text[close:close + 1] != ")":
        return []
    sep = ", " if (made.args or made.keywords) else ""
    edit = TextEdit(path, made.lineno, close, made.lineno, close, sep + keyword)
    return [script_checked_fix(title, edit.shown(), display_path(path), made.lineno, [edit], cost=1)]


def _binary_head(call: Any, output: tuple, compiled: ast.Call, recorder: Any) -> list:
    """One sigmoid unit and binary_crossentropy for 0/1 labels and a two-way softmax head written as
    ``Dense(2, activation="softmax")``, with the loss a string in the compile call; else nothing."""
    import numpy as np

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path, source_tree_and_calls_at

    y = call.y
    if output[-1] != 2 or len(output) != 2 or not np.isin(y, (0, 1)).all() \
            or not (len(call.y_shapes) == 1 or tuple(call.y_shapes[1:]) == (1,)):
        return []
    head = call.model.layers[-1] if getattr(call.model, "layers", None) else None
    site = recorder.creation_site(head) if head is not None else None
    if site is None:
        return []
    _tree, around = source_tree_and_calls_at(site)
    denses = [c for c in around if isinstance(c.func, (ast.Name, ast.Attribute))
              and (c.func.attr if isinstance(c.func, ast.Attribute) else c.func.id) == "Dense"]
    if len(denses) != 1:
        return []
    dense = denses[0]
    units = dense.args[0] if dense.args else next((k.value for k in dense.keywords if k.arg == "units"), None)
    activation = next((k.value for k in dense.keywords if k.arg == "activation"), None)
    loss = next((k.value for k in compiled.keywords if k.arg == "loss"), None)
    if not (isinstance(units, ast.Constant) and units.value == 2 and isinstance(activation, ast.Constant)
            and activation.value == "softmax" and isinstance(loss, ast.Constant)
            and loss.value in ("sparse_categorical_crossentropy", "categorical_crossentropy")):
        return []
    if len({units.lineno, activation.lineno, units.end_lineno, activation.end_lineno}) != 1 \
            or loss.lineno != loss.end_lineno:
        return []
    path = site.file

    def quoted(node: ast.Constant, word: str) -> str:
        quote = linecache.getline(path, node.lineno)[node.col_offset]
        return f"{quote}{word}{quote}"

    edits = [TextEdit.replacing(path, units, "1"), TextEdit.replacing(path, activation, quoted(activation, "sigmoid")),
             TextEdit.replacing(path, loss, quoted(loss, "binary_crossentropy"))]
    line = linecache.getline(path, units.lineno)
    shown = (line[:units.col_offset] + "1" + line[units.end_col_offset:activation.col_offset]
             + quoted(activation, "sigmoid") + line[activation.end_col_offset:]).strip()
    return [script_checked_fix("one sigmoid unit for the 0/1 labels, trained with binary_crossentropy",
                               shown, display_path(path), units.lineno, edits, cost=2)]
