"""SD202 labels vs loss: the labels' shape does not fit the model output under the loss.

The family has no fix generator, and run's own label checks need the model and the labels
array; from a text, :mod:`~shapedoctor.explain.advice.label_shapes` reads what the two
shapes say. This module writes the message, and handles the texts that carry no shapes
to compare: a label value with no output unit, and a metric (accuracy) that failed.
"""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, fix, generic_fixes, layer_place, rule_for, shape_of
from shapedoctor.explain.advice.label_shapes import SPARSE, Known, Reading, read
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import Place


def _labels_out_of_range(f: ErrorFacts) -> Advice:
    """A class index with no output unit: the output layer is too narrow, or the labels are not 0..n-1."""
    largest, classes = f.details["max_label"], f.details["classes"]
    need = largest + 1
    message = f"a label value of {largest} has no output unit: the model has {classes} (classes 0 to {classes - 1})"
    explanation = (f"sparse_categorical_crossentropy reads each label as the index of an output unit; the model "
                   f"outputs {classes} values per sample, so labels must lie in 0 to {classes - 1}, and the labels "
                   f"go up to {largest} at least. ") + rule_for("SD202", f)
    fixes = [
        fix(f"Give the output layer one unit per class: {need} units (or the number of classes, if larger)",
            f'layers.Dense({need}, activation="softmax"),'),
        fix("Or, if the labels are codes rather than 0..n-1, map them to 0..n-1",
            "classes, y = np.unique(y, return_inverse=True)"),
    ]
    return Advice(message, explanation, fixes, consumer=Place(kind="loss", cls=f.loss), culprit=Place(kind="labels"),
                  cannot_tell="The text shows only some label values, not the largest one.")


def _metric(f: ErrorFacts) -> Reading:
    """A metric (accuracy) compared labels and predictions value by value."""
    a, b = shape_of(f.details.get("target_shape")), shape_of(f.details.get("output_shape"))
    specific = (f"Accuracy compares the labels with the model's predictions value by value; here the two tensors "
                f"are {f.received}.")
    fixes = []
    if a is not None and b is not None and abs(len(a) - len(b)) >= 2:
        big = a if len(a) > len(b) else b
        specific += f" The larger one, {sh.fmt(big)}, keeps spatial axes the labels do not have."
        fixes.append(fix("Pool or flatten the extra axes before the output layer (see SD206)",
                         "layers.GlobalAveragePooling2D(),   # or layers.Flatten()"))
    elif a is not None and b is not None and len(a) == len(b):
        diff = [i for i in range(1, len(a)) if a[i] != b[i]]
        if diff:
            specific += f" They differ on axis {diff[0]} ({a[diff[0]]} vs {b[diff[0]]}), e.g. two sequence lengths."
        fixes.append(fix("Make the labels and the model output agree on that axis (pad or cut sequences to one length)",
                         "y = keras.utils.pad_sequences(y, maxlen=steps, padding=\"post\")"))
    fixes.append(fix("Check whether the loss accepts the labels: compile without the metric once",
                     "model.compile(optimizer=\"adam\", loss=loss, metrics=[])"))
    return Reading(specific, fixes)


def _message(f: ErrorFacts, k: Known, output_known: bool) -> str:
    t, o, loss = k.t, k.o, k.loss
    if t is not None and output_known:
        return f"labels {sh.fmt(t)} do not fit the model output {sh.fmt(o)}" + (f" under {loss}" if loss else "")
    if f.layer and f.expected:
        return f"labels {f.received} do not fit the output of {f.layer}, {f.expected}"
    if f.expected:
        return f"labels {f.received} do not fit {loss or 'the loss'}, which wants {f.expected}"
    return f"labels {f.received} do not fit the model output"


@advisor("SD202")
def advise_labels(f: ErrorFacts, ranked: list) -> Advice:
    if f.details.get("max_label") is not None:
        return _labels_out_of_range(f)
    t = shape_of(f.details.get("target_shape"))
    o = shape_of(f.details.get("output_shape"))
    loss = f.loss
    sparse = loss == SPARSE or bool(f.details.get("sparse"))
    if t is None and o is None and "size_a" in f.details:
        # PyTorch names only the sizes on one axis: labels (a) against the output (b).
        t, o = (None, f.details["size_a"]), (None, f.details["size_b"])
    output_known = o is not None
    if sparse and t is not None and o is None and len(t) >= 2 and t[-1] and t[-1] > 1:
        o = t  # only the labels are known (TF's squeeze): a trailing axis > 1 means one-hot labels
    k = Known(f, t, o, loss, sparse, f.details.get("labels_per_sample"))
    if bool(f.details.get("metric")) and loss is None:
        message = f"a metric (accuracy) compared labels and predictions that do not line up: {f.received}"
        reading = _metric(f)
    else:
        message = _message(f, k, output_known)
        reading = read(k)
    specific, fixes, model_cause = reading.specific, reading.fixes, reading.model_cause

    # The labels are the culprit unless the shapes show a model that returns the wrong shape.
    explanation = specific if model_cause else (specific + " " if specific else "") + rule_for("SD202", f)
    if not fixes:
        fixes = generic_fixes("SD202", f, 4)
    consumer = Place(kind="loss", cls=loss) if loss else (layer_place(f) or None)
    return Advice(message, explanation, fixes, consumer=consumer, culprit=None if model_cause else Place(kind="labels"),
                  cannot_tell="The text does not show how y was built, nor (always) which loss was compiled.")
