"""Sample and class weights shaped for something else than the loss's one value per sample (or per step).

Keras multiplies the loss of each sample (each step of a per-step output) by its weight: the loss
of a ``(None, classes)`` output has one value per sample, so ``sample_weight`` is ``(N,)``; a
per-step ``(None, steps, classes)`` output has one per step, ``(N, steps)``. ``class_weight`` maps
one class per sample to its weight.

* **A per-class weight matrix as sample_weight** (keras-team/keras#389: ``targets * class_importance``,
  (N, classes)). fchollet: sample weights are one weight per sample. When every row holds at most one
  non-zero weight (the weight of the sample's own class), its row sum is that weight:
  ``w.sum(axis=1)``, written at the call; the line that made the matrix is the root cause.
* **class_weight with a class per step** (one-hot (N, steps, classes) or ids (N, steps);
  keras-team/keras#1624: "the concept of class is ill-defined" for such labels, use sample weights).
  The per-step weights are sample weights: ``sample_weight=np.vectorize(W.get)(y.argmax(axis=-1))``
  (ids: ``(y)``) in place of ``class_weight=W``; the ``fit`` line is the root cause.

Each fix is verified by one training step of a clone with the new weights (kind ``"weights"`` of
``training_fixes.verify``), every sample keeping its weight row.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any


def weights_problem(call: Any, model: Any) -> Any:
    """The Problem of *call*'s ``sample_weight`` or ``class_weight``, or None."""
    if call.method not in ("fit", "train_on_batch") or call.source not in ("array", ""):
        return None
    return _weight_matrix(call, model) or _per_step_class_weight(call, model)


def _single(call: Any, model: Any):
    """(output shape, labels array, loss name) of a single-output model, or None."""
    import numpy as np

    from shapedoctor.diagnosis.training_base import flat_items, loss_name, model_outputs

    outputs, ys = model_outputs(model), flat_items(call.y_ref)
    if len(outputs) != 1 or len(ys) != 1 or not hasattr(ys[0], "shape"):
        return None
    return tuple(outputs[0]), np.asarray(ys[0]), loss_name(call.loss if not isinstance(call.loss, (list, dict))
                                                          else None)


def _keyword(call: Any, key: str) -> ast.keyword | None:
    from shapedoctor.diagnosis.training_fixes import _training_call_in_file

    node = _training_call_in_file(call.site) if call.site is not None else None
    return next((kw for kw in node.keywords if kw.arg == key), None) if node is not None else None


def _replaced(call: Any, kw: ast.keyword, text: str) -> tuple | None:
    """A ``line_edit`` writing *text* in place of keyword argument *kw* (on one ASCII line)."""
    line = linecache.getline(call.site.file, kw.lineno)
    if kw.lineno != kw.end_lineno or not line.isascii():
        return None
    new_line = line[:kw.col_offset] + text + line[kw.end_col_offset:]
    return (kw.lineno, kw.col_offset, kw.end_col_offset, text, new_line.strip())


def _weight_matrix(call: Any, model: Any) -> Any:
    import numpy as np

    from shapedoctor.diagnosis.training_base import Problem, TrainingFix
    from shapedoctor.diagnosis.training_fixes import assignment_line
    from shapedoctor.graph.model import format_shape

    single = _single(call, model)
    weights = getattr(call, "sample_weight_ref", None)
    if single is None or weights is None or not hasattr(weights, "shape"):
        return None
    out, y, _loss = single
    weights = np.asarray(weights)
    classes = out[-1]
    if weights.ndim != len(out) or weights.ndim < 2 or not isinstance(classes, int) or classes < 2 \
            or weights.shape[-1] != classes or weights.shape[0] != y.shape[0]:
        return None
    per_sample = format_shape((weights.shape[0],) + tuple(weights.shape[1:-1]))
    prob = Problem("SD202", f"sample_weight {format_shape(weights.shape)} gives a weight per class, the loss one value "
                   f"per sample", "data", expected=per_sample, received=format_shape(weights.shape))
    prob.explanation = (f"Keras multiplies the loss of each sample by its weight. The output {format_shape(out)} "
                        f"gives one loss value per sample, so `sample_weight` holds one weight per sample, "
                        f"{per_sample}; this one has a weight for each of the {classes} classes of every sample.")
    prob.settled = True
    prob.weights = ("sample_weight", format_shape(weights.shape))
    kw = _keyword(call, "sample_weight")
    var = kw.value.id if kw is not None and isinstance(kw.value, ast.Name) else None
    made = assignment_line(call.site, var) if var else None
    if made:
        prob.data_site = (call.site.file, made)
    one = bool(np.all(np.count_nonzero(weights, axis=-1) <= 1))
    if kw is None or not one:
        return prob
    axis = weights.ndim - 1
    source = linecache.getline(call.site.file, kw.value.lineno)
    value = source[kw.value.col_offset:kw.value.end_col_offset] if kw.value.lineno == kw.value.end_lineno else None
    if not value:
        return prob
    written = value if isinstance(kw.value, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)) else f"({value})"
    edit = _replaced(call, kw, f"sample_weight={written}.sum(axis={axis})")
    if edit is None:
        return prob
    prob.explanation += (" Each row holds the weight of the sample's own class and zeros elsewhere, so its sum "
                         "is that sample's weight.")
    reduced = weights.sum(axis=axis)
    prob.fixes.append(TrainingFix(f"one weight per sample, the row's only non-zero: {written}.sum(axis={axis})",
                                  "weights", apply=lambda _w, reduced=reduced: reduced, line_edit=edit, cost=1))
    return prob


def _per_step_class_weight(call: Any, model: Any) -> Any:
    import numpy as np

    from shapedoctor.diagnosis.training_base import CATEGORICAL, SPARSE, Problem, TrainingFix
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.graph.model import format_shape

    single = _single(call, model)
    weights = getattr(call, "class_weight", None)
    if single is None or not isinstance(weights, dict) or not weights:
        return None
    out, y, loss = single
    onehot = loss in CATEGORICAL and y.ndim >= 3 and y.ndim == len(out)
    ids = loss in SPARSE and len(out) >= 3 and y.ndim >= 2 and not (y.ndim == 2 and y.shape[-1] == 1)
    if not (onehot or ids):
        return None
    steps = format_shape((None,) + tuple(y.shape[1:-1] if onehot else y.shape[1:]))
    prob = Problem("SD202", f"class_weight given for labels {format_shape(y.shape)} with a class per step", "data",
                   expected="one class per sample", received=format_shape(y.shape))
    prob.explanation = (f"`class_weight` maps the one class of each sample to a weight. These labels have a class "
                        f"at every step, {steps}: there is no one class per sample to weigh. Per-step weights are "
                        "sample weights: one weight per sample and step, read from that step's class.")
    prob.settled = True
    prob.weights = ("class_weight", f"{len(weights)} classes")
    kw = _keyword(call, "class_weight")
    if kw is not None:
        prob.data_site = (call.site.file, kw.lineno)  # the fit call, where the weights are given
    yvar = argument_name(call.site, 1, "y") if call.site is not None else None
    source = "".join(linecache.getlines(call.site.file)) if call.site is not None else ""
    if kw is None or yvar is None or not isinstance(kw.value, ast.Name) \
            or not re.search(r"^\s*import numpy as np\s*$", source, re.M):
        return prob
    classes = f"{yvar}.argmax(axis=-1)" if onehot else yvar
    text = f"sample_weight=np.vectorize({kw.value.id}.get)({classes})"
    edit = _replaced(call, kw, text)
    try:
        per_step = np.vectorize(weights.get)(y.argmax(axis=-1) if onehot else y)
    except Exception:  # noqa: BLE001 - a class without a weight: no fix
        return prob
    if edit is None or per_step.dtype == object:
        return prob
    prob.fixes.append(TrainingFix(f"weigh each step by its class, as sample weights: {text}", "weights",
                                  apply=lambda _w, per_step=per_step: per_step, line_edit=edit, cost=1,
                                  note="class_weight is dropped: the same weights reach the loss per step"))
    return prob
