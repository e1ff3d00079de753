"""SD202 labels vs loss: what the shapes of the labels and of the output say, under the loss.

The family has no fix generator (``run`` reads the same text); each branch below reads one
relation of the two shapes (one-hot against sparse, a lost time axis, a decoder too small,
an output that keeps spatial axes, ...) and suggests the edits it supports.
"""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, fix, generic_fixes, layer_place, rule_for, shape_of
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport, Place


_CLASSIFY = ("categorical_crossentropy", "categorical_focal_crossentropy", "categorical_hinge")
_SPARSE = "sparse_categorical_crossentropy"


def _n_shape(classes) -> str:
    """``(N, 64)``: the labels' full shape, N samples (a batch only shows its batch size)."""
    return f"(N, {classes})"


def _label_width(t, o):
    """Values per sample in labels *t* against output *o*: (16,) is one value for each of 16 samples."""
    if len(t) == len(o):
        return t[-1]
    return 1 if len(t) == len(o) - 1 else None


def _broadcast_in_loss(f: ErrorFacts) -> bool:
    """A broadcasting error (not a cross-entropy's own shape check): the loss is one that
    checks nothing, a regression loss such as mse, so labels are targets, not class ids."""
    return "broadcast" in f.recognizer or f.recognizer.endswith("incompatible_shapes") or \
        f.loss in ("mean_squared_error", "mean_absolute_error", "huber", "mse", "mae")


def _extra_output_axes(t, o, sparse) -> bool:
    """The output keeps sequence or image axes the labels do not have."""
    return len(o) > len(t) + (1 if sparse else 0) and len(o) >= 3


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


def _whole_ratio(big: tuple, small: tuple) -> int:
    """The one whole factor >= 2 by which every axis of *big* exceeds *small* (0 when none)."""
    ratios = {b // s if b and s and b % s == 0 else 0 for b, s in zip(big, small)}
    return ratios.pop() if len(ratios) == 1 and min(ratios) >= 2 else 0


@advisor("SD202")
def advise_labels(f: ErrorFacts, ranked: list) -> Advice:
    if f.details.get("max_label") is not None:
        return _labels_out_of_range(f)
    t = shape_of(f.details.get("target_shape"))
    o = shape_of(f.details.get("output_shape"))
    loss = f.loss
    sparse = loss == _SPARSE or bool(f.details.get("sparse"))
    per = f.details.get("labels_per_sample")
    metric = bool(f.details.get("metric")) and loss is None
    if t is None and o is None and "size_a" in f.details:
        # PyTorch names only the sizes on one axis: labels (a) against the output (b).
        t, o = (None, f.details["size_a"]), (None, f.details["size_b"])
    output_known = o is not None
    if sparse and t is not None and o is None and len(t) >= 2 and t[-1] and t[-1] > 1:
        o = t  # only the labels are known (TF's squeeze): a trailing axis > 1 means one-hot labels
    classes = o[-1] if o else None
    fixes: list[FixReport] = []
    specific = ""
    model_cause = False

    if metric:
        a, b = shape_of(f.details.get("target_shape")), shape_of(f.details.get("output_shape"))
        message = f"a metric (accuracy) compared labels and predictions that do not line up: {f.received}"
        specific = (f"Accuracy compares the labels with the model's predictions value by value; here the two tensors "
                    f"are {f.received}.")
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
    elif t is not None and output_known:
        message = f"labels {sh.fmt(t)} do not fit the model output {sh.fmt(o)}" + (f" under {loss}" if loss else "")
    elif f.layer and f.expected:
        message = f"labels {f.received} do not fit the output of {f.layer}, {f.expected}"
    elif f.expected:
        message = f"labels {f.received} do not fit {loss or 'the loss'}, which wants {f.expected}"
    else:
        message = f"labels {f.received} do not fit the model output"

    if metric:
        pass
    elif sparse and t is not None and o is not None:
        onehot = (len(t) == len(o) and t[-1] == classes) or (per is not None and per == classes)
        if onehot:
            specific = (f"sparse_categorical_crossentropy wants one integer class per sample, shape {sh.fmt(o[:-1])}; "
                        f"these labels look one-hot ({classes} values per sample).")
            fixes.append(fix("One-hot labels: use categorical_crossentropy", 'model.compile(loss="categorical_crossentropy", ...)'))
            fixes.append(fix("Or turn them back into class indices", "y = np.argmax(y, axis=-1)",
                             result_shape="(N,)"))
        else:
            steps = per if per is not None else (t[-1] if len(t) == len(o) else None)
            specific = (f"sparse_categorical_crossentropy wants one class index per sample, shape {sh.fmt(o[:-1])}; "
                        f"these labels carry {steps if steps else 'several'} values per sample.")
            if steps:
                fixes.append(fix(f"Labels per time step ({steps} steps): make the model predict every step",
                                 f"layers.LSTM(units, return_sequences=True),\nlayers.Dense({classes}, activation=\"softmax\"),",
                                 result_shape=sh.fmt((None, steps, classes))))
            fixes.append(fix("Several labels per sample: multi-hot labels with sigmoid outputs",
                             f'layers.Dense({classes}, activation="sigmoid")\nmodel.compile(loss="binary_crossentropy", ...)'))
    elif t is not None and o is not None and t[0] is not None and o[0] is not None and t[0] != o[0]:
        specific = (f"The labels hold {t[0]} rows and the predictions {o[0]}: the batch axes disagree, so the labels were "
                    f"reshaped, repeated or flattened somewhere, or the model merges samples.")
        fixes.append(fix("Keep one label row per sample: y must have as many rows as x", "assert len(y) == len(x), (len(y), len(x))"))
        fixes.append(fix("If the labels were flattened, restore their per-sample shape", "y = y.reshape(len(x), -1)"))
    elif t is not None and o is not None and len(t) == len(o) >= 4 and t[-1] == o[-1] and _whole_ratio(t[1:-1], o[1:-1]):
        # (16, 28, 28, 1) labels against (16, 14, 14, 1) outputs: an image model (an autoencoder,
        # a segmentation net) whose decoder gives back a smaller image than it was given.
        ratio = _whole_ratio(t[1:-1], o[1:-1])
        model_cause = True
        rank = len(t) - 2
        size = "x".join(str(d) for d in o[1:-1])
        want = "x".join(str(d) for d in t[1:-1])
        specific = (f"The model outputs {size} maps, the labels are {want}: the decoder upsamples {ratio}x too little "
                    f"(or the encoder downsamples once too often).")
        stride = "(" + ", ".join([str(ratio)] * rank) + ")"
        fixes.append(fix(f"Upsample once more in the decoder: strides={stride} on its last Conv{rank}DTranspose",
                         f"layers.Conv{rank}DTranspose(filters, kernel_size, strides={stride}, padding=\"same\"),",
                          result_shape=sh.fmt((None,) + tuple(t[1:]))))
        fixes.append(fix(f"Or add an UpSampling{rank}D({ratio}) before the output layer",
                         f"layers.UpSampling{rank}D({ratio}),"))
    elif t is not None and o is not None and len(t) == len(o) + 1 and t[-1] == o[-1] and t[0] == o[0] and t[1]:
        # (16, 20, 3) labels against (16, 3) outputs: a value per time step, a model that returns
        # only the last step (a sequence-to-sequence model whose last LSTM lost the time axis).
        model_cause = True
        specific = (f"The labels hold {t[1]} steps of {t[-1]} values per sample, the model one vector of {o[-1]}: "
                    f"a recurrent layer returned only its last step.")
        fixes.append(fix(f"Keep the time axis: return_sequences=True on the last LSTM/GRU ({t[1]} steps out)",
                         "layers.LSTM(units, return_sequences=True),", result_shape=sh.fmt((None,) + tuple(t[1:]))))
        fixes.append(fix("Or predict one vector per sample and give one label vector per sample",
                         "y = y[:, -1]   # e.g. the last step only", result_shape=sh.fmt((None, t[-1]))))
    elif t is not None and o is not None and len(o) >= 3 and len(o) > len(t) and tuple(t[1:]) != tuple(o[1:len(t)]):
        # (8, 10) labels against (8, 13, 13): the output kept spatial axes, whatever the loss.
        specific = (f"The model output {sh.fmt(o)} keeps axes the labels {sh.fmt(t)} do not have: a Dense head on a "
                    f"sequence or image acts per position.")
        spatial = len(o) - 2 if o[-1] == t[-1] else len(o) - 1  # with or without the class axis at the end
        pool = f"GlobalAveragePooling{min(spatial, 3)}D"
        fixes.append(fix(f"Pool the extra axes before the output layer: {pool}() (or Flatten(); see SD206)",
                         f"layers.{pool}(),   # before the output layer"))
    elif t is not None and o is not None and classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1) \
            and loss in (None,) + _CLASSIFY and not _broadcast_in_loss(f):
        specific = (f"{loss or 'categorical_crossentropy'} compares one-hot labels with the {classes} outputs, so each "
                    f"label must be {classes} values wide, y of shape {_n_shape(classes)}; these labels have shape "
                    f"{sh.fmt(t)}: one integer class per sample.")
        if loss is None:
            specific = "The text does not name the loss; with categorical_crossentropy (the usual cause), " + specific[0].lower() + specific[1:]
        fixes.append(fix("Integer labels: use sparse_categorical_crossentropy",
                         'model.compile(loss="sparse_categorical_crossentropy", ...)'))
        fixes.append(fix(f"Or one-hot encode the labels to {_n_shape(classes)}",
                         f"y = keras.utils.to_categorical(y, {classes})", result_shape=_n_shape(classes)))
    elif t is not None and o is not None and loss == "binary_crossentropy" and not _extra_output_axes(t, o, sparse):
        if classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1):
            specific = (f"binary_crossentropy wants one 0/1 target per output unit, labels shaped like the output "
                        f"{sh.fmt(o)}; these have one value per sample but the model has {classes} outputs.")
            fixes.append(fix("One yes/no label per sample: end the model with one sigmoid unit",
                             'layers.Dense(1, activation="sigmoid"),', result_shape=sh.fmt((None, 1))))
            fixes.append(fix(f"One of {classes} classes per sample: softmax and a sparse loss",
                             f'layers.Dense({classes}, activation="softmax"),\nmodel.compile(loss="sparse_categorical_crossentropy", ...)'))
        elif t[-1] and classes and t[-1] != classes:
            specific = f"The labels have {t[-1]} columns, the model {classes} outputs."
            fixes.append(fix(f"Give the last layer {t[-1]} units", f'layers.Dense({t[-1]}, activation="sigmoid"),'))
    elif t is not None and o is not None and _extra_output_axes(t, o, sparse):
        specific = (f"The model output {sh.fmt(o)} keeps axes the labels {sh.fmt(t)} do not have: a Dense head on a "
                    f"sequence or image acts per position.")
        pool = f"GlobalAveragePooling{min(len(o) - 2, 3)}D"
        fixes.append(fix(f"Pool the extra axes before the output layer: {pool}() (or Flatten(); see SD206)",
                         f"layers.{pool}(),   # before the output layer"))
    elif t is not None and o is not None and _label_width(t, o) and classes and _label_width(t, o) != classes:
        width = _label_width(t, o)
        specific = f"The model predicts {classes} values per sample, the labels have {width}."
        fixes.append(fix(f"Give the last layer {width} unit{'s' if width != 1 else ''} (one per label column)",
                         f"layers.Dense({width}),", result_shape=sh.fmt((None, width))))
        if loss in _CLASSIFY:
            fixes.append(fix(f"Or, if there really are {classes} classes, one-hot encode the labels with {classes} columns",
                             f"y = keras.utils.to_categorical(class_indices, {classes})"))
        else:
            fixes.append(fix("Or, if the labels are class indices, use a classification loss",
                             'model.compile(loss="sparse_categorical_crossentropy", ...)'))
    elif f.layer and f.expected and f.received:
        e, r = shape_of(f.expected), shape_of(f.received)
        if e and r and len(e) == len(r) and e[-1] and r[-1] and r[-1] == 1 and e[-1] > 1:
            specific = f"{f.layer} outputs {e[-1]} values per sample but each label is a single number."
            fixes.append(fix("Integer labels: use sparse_categorical_crossentropy",
                             'model.compile(loss="sparse_categorical_crossentropy", ...)'))
            fixes.append(fix("Or one-hot encode them", f"y = keras.utils.to_categorical(y, {e[-1]})"))
        elif e and r and len(e) == len(r) and e[-1] and r[-1]:
            specific = f"{f.layer} outputs {e[-1]} values per sample, the labels have {r[-1]}."
            fixes.append(fix(f"Give {f.layer} {r[-1]} units, or encode the labels with {e[-1]} columns",
                             f"layers.Dense({r[-1]}, ...)   # was {e[-1]} units"))
        elif r and f.expected.startswith("ndim="):
            want = int(f.expected.split("=")[1])
            specific = f"{f.layer} outputs {sh.ndim_words(want)} per batch, the labels have {sh.ndim_words(len(r))}: {f.received}."
            if len(r) > want:
                fixes.append(fix("Flatten the labels' extra axes (and size the output layer to match)",
                                 "y = y.reshape(len(y), -1)",
                                 result_shape=sh.fmt((r[0], sh.size(r[1:])))))
                fixes.append(fix("Or make the model predict per step, like the labels",
                                 "layers.LSTM(units, return_sequences=True),"))

    # The labels are the culprit unless the shapes show a model that returns the wrong shape.
    explanation = specific if model_cause else (specific + " " if specific else "") + rule_for("SD202", f)
    if not fixes:
        fixes = generic_fixes("SD202", f, 4)
    consumer = Place(kind="loss", cls=loss) if loss else (layer_place(f) or None)
    return Advice(message, explanation, fixes, consumer=consumer, culprit=None if model_cause else Place(kind="labels"),
                  cannot_tell="The text does not show how y was built, nor (always) which loss was compiled.")
