"""Sparse class labels that are not numbered 0..n-1: re-encode them, don't resize the model.

``sparse_categorical_crossentropy`` reads each label as the index of an output unit, so with
n units the labels must be 0..n-1. Labels often come coded otherwise: -1/+1 (SVM style, CelebA
attributes), 1..n (R factors, CSV classes), or arbitrary codes (quality grades 3..8). TensorFlow
raises ``Received a label value of -1 which is outside the valid range of [0, 2)``; JAX trains
on garbage. The root cause is the labels' encoding, and the fix is chosen from ALL the labels
the call received:

* exactly {-1, 1} with two units: ``(y + 1) // 2``;
* 1..n with n units: ``y - 1`` (also when some of the lowest classes are absent);
* at most n distinct codes otherwise: ``np.unique(y, return_inverse=True)[1]`` (codes in order).

Widening the output instead would add units no sample ever uses; it stays as a later option.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import (
    BINARY,
    SPARSE,
    Problem,
    TrainingFix,
    full_labels,
    loss_name,
    numpy_transform,
)
from shapedoctor.graph.model import format_shape


def _labels(call: Any, index: int):
    import numpy as np

    y = full_labels(call, index)
    if y is None or y.dtype.kind not in "iuf" or not y.size or (y.dtype.kind == "f" and not np.all(np.mod(y, 1) == 0)):
        return None
    return y


def _recode(values: list[int], classes: int) -> tuple[str, str] | None:
    """(title, transform) of the re-encoding that maps these label values onto 0..classes-1."""
    low, high = min(values), max(values)
    if set(values) == {-1, 1} and classes == 2:
        return "map the labels -1/1 to 0/1: (y + 1) // 2", "({v} + 1) // 2"
    if low >= 1 and high == classes:  # 1..n (a split may lack the lowest classes): shift, don't renumber
        return "number the classes from 0: y - 1", "{v} - 1"
    if high - low + 1 == classes and (low < 0 or high >= classes):
        # a scale of exactly n steps (-6..+6 for 13 units, grades 3..8 for 6): shift it, the same for every split
        shift = f"+ {-low}" if low < 0 else f"- {low}"
        return f"shift the classes to start at 0: y {shift}", "{v} " + shift
    if len(values) <= classes and (low < 0 or high >= classes):
        return ("number the label codes 0..n-1 in order: np.unique(y, return_inverse=True)[1]",
                "np.unique({v}, return_inverse=True)[1]")
    return None


def encoding_fixes(call: Any, prob: Problem, out: tuple, index: int, classes: int | None = None) -> None:
    """Labels outside 0..k-1 whose codes can be re-numbered: the labels are the culprit, re-encoding ranks first."""
    import numpy as np

    from shapedoctor.repair import invariants as inv

    if prob.family != "SD202" or not (prob.message.startswith("labels go up to class")
                                     or prob.message.startswith("labels coded")):
        return
    y = _labels(call, index)
    sliced = _dataset_labels(call)
    if sliced is not None:  # the labels of a dataset: decide on the whole array it was sliced from
        whole = call.names.get(sliced.name) if isinstance(getattr(call, "names", None), dict) else None
        y = np.asarray(whole) if whole is not None and np.asarray(whole).dtype.kind in "iu" else None
    if y is None or not out or not isinstance(out[-1], int):
        return
    classes = classes or out[-1]
    values = [int(v) for v in np.unique(y)[:10_000]]
    recode = _recode(values, classes)
    if recode is None:
        return
    title, transform = recode
    line_edit = None
    if sliced is not None:
        import linecache

        text = linecache.getline(call.site.file, sliced.line).rstrip("\n")
        new = transform.format(v=sliced.name)
        line_edit = (sliced.line, sliced.start, sliced.end, new,
                     (text[:sliced.start] + new + text[sliced.end:]).strip())
        title = f"{title.split(': ')[0]}: {new}"
    elif not call.batched:
        origin = _split_origin(call)
        if origin is not None:  # y_train = y[:n]: re-encode where y is made, so every split gets it
            made, rhs = origin
            from shapedoctor.diagnosis.training_onehot import operand

            new = transform.format(v=operand(rhs))
            line_edit = made.edit(new)
            title = f"{title.split(': ')[0]}: {made.var} = {new}"
            prob.labels_site = (call.site.file, made.line)
    prob.culprit_kind = "labels"
    if "np.unique" in transform and min(values) >= 0 and max(values) + 1 <= 1.5 * len(values):
        # class ids with a few unused (a letter with no sample): more units are as right as re-numbering
        prob.explanation += (f" The labels take {len(values)} values from {min(values)} to {max(values)}: class ids "
                             f"with a few unused. Either the output gets one unit per id ({max(values) + 1}), or the "
                             f"ids are re-numbered 0..{len(values) - 1}.")
    else:
        prob.explanation += (f" The labels take {len(values)} values from {min(values)} to {max(values)}: they are "
                             f"codes, not class indices 0..{classes - 1}. Re-number them rather than adding output "
                             "units no sample will use.")
    prob.fixes.insert(0, TrainingFix(title, "labels", transform=transform, apply=numpy_transform(transform), cost=1,
                                     line_edit=line_edit,
                                     checks=lambda full, k=classes: [("labels_in_range", *inv.labels_in_range(full, k))]))
    if sliced is not None:  # a rebinding of `y` at the call would name nothing: the labels are in the dataset
        prob.fixes[1:] = [f for f in prob.fixes[1:] if f.kind != "labels" or f.line_edit is not None]


def _split_origin(call: Any):
    """(Made, right-hand side text) of the one-line statement that made the array the call's labels are
    a split of (``X_train, y_train = X[:n], y[:n]``), else None."""
    from shapedoctor.diagnosis.data_origin import through_row_splits
    from shapedoctor.diagnosis.data_remake import made_on
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    site = call.site
    var = argument_name(site, 1, "y") if site is not None else None
    line = assignment_line(site, var) if var else None
    origin, name = through_row_splits(site, line, var)
    if origin is None or origin == line or name is None:
        return None
    made = made_on(site.file, origin, name)
    rhs = made.segment(made.value) if made is not None else None
    return (made, rhs) if rhs else None


def _dataset_labels(call: Any):
    from shapedoctor.diagnosis.dataset_source import labels_source
    from shapedoctor.diagnosis.training_fixes import argument_name

    if not call.batched or call.site is None:
        return None
    return labels_source(call.site, argument_name(call.site, 0, "x"))


def negative_labels(call: Any, model: Any, out: tuple, loss: Any, index: int) -> Problem | None:
    """Sparse labels with negative values (e.g. -1/+1): no output unit has a negative index.
    Binary cross-entropy with -1/+1 targets: it wants probabilities 0/1 (it trains, on nonsense)."""
    name = loss_name(loss)
    if not out or not isinstance(out[-1], int):
        return None
    if name in BINARY and out[-1] == 1:
        return _binary_minus_one(call, out, name, index)
    if name not in SPARSE:
        return None
    y = _labels(call, index)
    if y is None or int(y.min()) >= 0:
        return None
    low, high, k = int(y.min()), int(y.max()), out[-1]
    prob = Problem("SD202", f"labels coded from {low} to {high} used with sparse_categorical_crossentropy (output "
                   f"{format_shape(out)}: classes 0 to {k - 1})", "labels", expected=f"class indices 0 to {k - 1}",
                   received=f"labels {low} to {high}", output_index=index)
    prob.explanation = (f"sparse_categorical_crossentropy reads each label as the index of an output unit; the model "
                        f"has {k}, so labels must be 0 to {k - 1}. A label of {low} has no unit (TensorFlow raises "
                        "'Received a label value of ...'; JAX trains on a meaningless loss).")
    encoding_fixes(call, prob, out, index)
    return prob


def _binary_minus_one(call: Any, out: tuple, name: str, index: int) -> Problem | None:
    import numpy as np

    y = _labels(call, index)
    if y is None or set(int(v) for v in np.unique(y)[:3]) != {-1, 1}:
        return None
    prob = Problem("SD202", f"labels coded -1/1 used with {name}: its targets are probabilities 0 and 1", "labels",
                   expected="labels 0 and 1", received="labels -1 and 1", output_index=index)
    prob.silent_family = "SD202"  # Keras computes the loss without an error: a warning, also under `check`
    prob.explanation = (f"{name} compares a sigmoid probability with a target in [0, 1]; a target of -1 makes the "
                        "loss reward the wrong class (Keras computes it without an error). -1/+1 labels belong to "
                        "`hinge`/`squared_hinge`; with a sigmoid and cross-entropy, map them to 0/1.")
    encoding_fixes(call, prob, out, index, classes=2)
    return prob
