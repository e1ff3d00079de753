"""What the shapes of the labels and of the model output say about an SD202 error.

Each reading below looks for one relation of the two shapes (one-hot labels under a sparse
loss, batch axes that disagree, a decoder that gives back a smaller image, a lost time
axis, an output that keeps spatial axes, integer labels under a categorical loss, ...) and
says what it means and what to change. :func:`read` tries them in order; the first whose
relation holds answers, even when it has nothing to suggest (the family's own suggestions
then stand in, see :mod:`~shapedoctor.explain.advice.labels`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from shapedoctor.explain.advice.core import fix, shape_of
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport

CLASSIFY = ("categorical_crossentropy", "categorical_focal_crossentropy", "categorical_hinge")
SPARSE = "sparse_categorical_crossentropy"


@dataclass
class Known:
    """What the text tells: labels ``t`` and output ``o`` (None where not shown), the loss."""

    f: ErrorFacts
    t: Optional[tuple]
    o: Optional[tuple]
    loss: Optional[str]
    sparse: bool
    per: Optional[int]  # labels per sample, when the text counts them

    @property
    def classes(self) -> Optional[int]:
        return self.o[-1] if self.o else None


@dataclass
class Reading:
    specific: str = ""  # the sentence about these shapes
    fixes: list[FixReport] = field(default_factory=list)
    model_cause: bool = False  # the model returns the wrong shape (not the labels)


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


def _whole_ratio(big: tuple, small: tuple) -> int:
    """The one whole factor >= 2 by which every axis of *big* exceeds *small* (0 when none)."""
    ratios = {b // s if b and s and b % s == 0 else 0 for b, s in zip(big, small)}
    return ratios.pop() if len(ratios) == 1 and min(ratios) >= 2 else 0


def _pool_extra_axes(t, o, spatial: int) -> Reading:
    """The output keeps *spatial* axes the labels do not have: pool them before the output layer."""
    pool = f"GlobalAveragePooling{min(spatial, 3)}D"
    return Reading(f"The model output {sh.fmt(o)} keeps axes the labels {sh.fmt(t)} do not have: a Dense head on a "
                   f"sequence or image acts per position.",
                   [fix(f"Pool the extra axes before the output layer: {pool}() (or Flatten(); see SD206)",
                        f"layers.{pool}(),   # before the output layer")])


# --- the readings, in the order they are tried -------------------------------------------------


def sparse_labels(k: Known) -> Optional[Reading]:
    """Under a sparse loss: one-hot labels, or several labels per sample (one per time step)."""
    t, o, classes, per = k.t, k.o, k.classes, k.per
    if not (k.sparse and t is not None and o is not None):
        return None
    if _extra_output_axes(t, o, True) and len(t) < len(o) - 1:
        return None  # the labels have fewer axes, not more values: the output kept a sequence/map axis
    if (len(t) == len(o) and t[-1] == classes) or (per is not None and per == classes):
        return Reading(f"sparse_categorical_crossentropy wants one integer class per sample, shape {sh.fmt(o[:-1])}; "
                       f"these labels look one-hot ({classes} values per sample).",
                       [fix("One-hot labels: use categorical_crossentropy", 'model.compile(loss="categorical_crossentropy", ...)'),
                        fix("Or turn them back into class indices", "y = np.argmax(y, axis=-1)", result_shape="(N,)")])
    steps = per if per is not None else (t[-1] if len(t) == len(o) else None)
    fixes = []
    if steps:
        fixes.append(fix(f"Labels per time step ({steps} steps): make the model predict every step",
                         f"layers.LSTM(units, return_sequences=True),\nlayers.Dense({classes}, activation=\"softmax\"),",
                         result_shape=sh.fmt((None, steps, classes))))
    fixes.append(fix("Several labels per sample: multi-hot labels with sigmoid outputs",
                     f'layers.Dense({classes}, activation="sigmoid")\nmodel.compile(loss="binary_crossentropy", ...)'))
    return Reading(f"sparse_categorical_crossentropy wants one class index per sample, shape {sh.fmt(o[:-1])}; "
                   f"these labels carry {steps if steps else 'several'} values per sample.", fixes)


def batch_axes_differ(k: Known) -> Optional[Reading]:
    t, o = k.t, k.o
    if not (t is not None and o is not None and t[0] is not None and o[0] is not None and t[0] != o[0]):
        return None
    return Reading(f"The labels hold {t[0]} rows and the predictions {o[0]}: the batch axes disagree, so the labels were "
                   f"reshaped, repeated or flattened somewhere, or the model merges samples.",
                   [fix("Keep one label row per sample: y must have as many rows as x", "assert len(y) == len(x), (len(y), len(x))"),
                    fix("If the labels were flattened, restore their per-sample shape", "y = y.reshape(len(x), -1)")])


def decoder_too_small(k: Known) -> Optional[Reading]:
    """(16, 28, 28, 1) labels against (16, 14, 14, 1) outputs: an image model (an autoencoder,
    a segmentation net) whose decoder gives back a smaller image than it was given."""
    t, o = k.t, k.o
    if not (t is not None and o is not None and len(t) == len(o) >= 4 and t[-1] == o[-1]
            and _whole_ratio(t[1:-1], o[1:-1])):
        return None
    ratio = _whole_ratio(t[1:-1], o[1:-1])
    rank = len(t) - 2
    size = "x".join(str(d) for d in o[1:-1])
    want = "x".join(str(d) for d in t[1:-1])
    stride = "(" + ", ".join([str(ratio)] * rank) + ")"
    return Reading(f"The model outputs {size} maps, the labels are {want}: the decoder upsamples {ratio}x too little "
                   f"(or the encoder downsamples once too often).",
                   [fix(f"Upsample once more in the decoder: strides={stride} on its last Conv{rank}DTranspose",
                        f"layers.Conv{rank}DTranspose(filters, kernel_size, strides={stride}, padding=\"same\"),",
                        result_shape=sh.fmt((None,) + tuple(t[1:]))),
                    fix(f"Or add an UpSampling{rank}D({ratio}) before the output layer",
                        f"layers.UpSampling{rank}D({ratio}),")],
                   model_cause=True)


def output_map_shrunk(k: Known) -> Optional[Reading]:
    """(8, 64, 64, 1) labels against (8, 60, 60, 1) outputs: each spatial axis a few pixels
    short, by the same even amount, and no whole ratio: convolutions with padding="valid" ate
    the border (each k x k valid window takes k - 1 pixels)."""
    t, o = k.t, k.o
    if not (t is not None and o is not None and len(t) == len(o) >= 3 and t[-1] == o[-1]
            and all(isinstance(d, int) for d in tuple(t[1:-1]) + tuple(o[1:-1]))):
        return None
    gaps = {a - b for a, b in zip(t[1:-1], o[1:-1])}
    if len(gaps) != 1:
        return None
    gap = gaps.pop()
    if not (0 < gap < min(t[1:-1]) // 2 and gap % 2 == 0):
        return None
    size = "x".join(str(d) for d in o[1:-1])
    want = "x".join(str(d) for d in t[1:-1])
    return Reading(f"The model outputs {size} maps, the labels are {want}: {gap} pixels lost on each axis, what "
                   f"convolutions with padding=\"valid\" take off the border (a k x k window takes k - 1).",
                   [fix('Keep the map\'s size: padding="same" on the convolutions',
                        f'layers.Conv{len(t) - 2}D(filters, kernel_size, padding="same", ...)',
                        result_shape=sh.fmt((None,) + tuple(t[1:]))),
                    fix(f"Or crop the labels to the output ({gap // 2} pixels per side)",
                        "y = y[:, " + ", ".join([f"{gap // 2}:-{gap // 2}"] * (len(t) - 2)) + "]")],
                   model_cause=True)


def labels_extra_unit_axis(k: Known) -> Optional[Reading]:
    """(16, 1, 4) labels against (16, 4) outputs: without one axis of size 1 the labels are the
    output's shape; one-hot codes made from a column of class ids, (N, 1), keep that axis."""
    t, o = k.t, k.o
    if not (t is not None and o is not None and len(t) == len(o) + 1 and len(o) >= 2):
        return None
    axis = next((i for i in range(1, len(t)) if t[i] == 1 and tuple(t[1:i]) + tuple(t[i + 1:]) == tuple(o[1:])), None)
    if axis is None:
        return None
    return Reading(f"Without their axis {axis} (of size 1) the labels {sh.fmt(t)} are the output's shape {sh.fmt(o)}: "
                   "they were encoded from a column of class ids, (N, 1), so the one-hot axis came on top of it.",
                   [fix(f"drop the labels' extra axis: np.squeeze(y, axis={axis})", f"y = np.squeeze(y, axis={axis})",
                        result_shape=sh.fmt((None,) + tuple(o[1:])))])


def labels_onehot_twice(k: Known) -> Optional[Reading]:
    """(4, 16, 16, 16, 3, 3) labels against (None, 16, 16, 16, 3) outputs: the labels end in two axes of
    the class count, the one-hot code of labels that were one-hot already (neuronets/nobrainer#317)."""
    t, o = k.t, k.o
    if not (t is not None and o is not None and len(t) == len(o) + 1 and len(o) >= 2 and isinstance(o[-1], int)
            and o[-1] > 1 and t[-1] == t[-2] == o[-1] and tuple(t[1:-1]) == tuple(o[1:])):
        return None
    return Reading(f"Without their last axis the labels {sh.fmt(t)} are the output's shape {sh.fmt(o)}, and that axis "
                   f"has {o[-1]} values, the class count, like the one before it: labels that were already one-hot "
                   "were one-hot encoded a second time.",
                   [fix("encode the labels once: drop the second one_hot / to_categorical (or give it class ids)",
                        "y = np.argmax(y, axis=-1)   # back to class ids, if they must be encoded where they are",
                        result_shape=sh.fmt((None,) + tuple(o[1:])))])


def lost_time_axis(k: Known) -> Optional[Reading]:
    """(16, 20, 3) labels against (16, 3) outputs: a value per time step, a model that returns
    only the last step (a sequence-to-sequence model whose last LSTM lost the time axis)."""
    t, o = k.t, k.o
    if not (t is not None and o is not None and len(t) == len(o) + 1 and t[-1] == o[-1] and t[0] == o[0] and t[1]):
        return None
    return Reading(f"The labels hold {t[1]} steps of {t[-1]} values per sample, the model one vector of {o[-1]}: "
                   f"a recurrent layer returned only its last step.",
                   [fix(f"Keep the time axis: return_sequences=True on the last LSTM/GRU ({t[1]} steps out)",
                        "layers.LSTM(units, return_sequences=True),", result_shape=sh.fmt((None,) + tuple(t[1:]))),
                    fix("Or predict one vector per sample and give one label vector per sample",
                        "y = y[:, -1]   # e.g. the last step only", result_shape=sh.fmt((None, t[-1])))],
                   model_cause=True)


def output_keeps_axes(k: Known) -> Optional[Reading]:
    """(8, 10) labels against (8, 13, 13): the output kept spatial axes, whatever the loss."""
    t, o = k.t, k.o
    if not (t is not None and o is not None and len(o) >= 3 and len(o) > len(t) and tuple(t[1:]) != tuple(o[1:len(t)])):
        return None
    return _pool_extra_axes(t, o, len(o) - 2 if o[-1] == t[-1] else len(o) - 1)  # with or without a class axis


def integer_labels_categorical(k: Known) -> Optional[Reading]:
    t, o, classes, loss = k.t, k.o, k.classes, k.loss
    if not (t is not None and o is not None and classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1)
            and loss in (None,) + CLASSIFY and not _broadcast_in_loss(k.f)):
        return None
    specific = (f"{loss or 'categorical_crossentropy'} compares one-hot labels with the {classes} outputs, so each "
                f"label must be {classes} values wide, y of shape {_n_shape(classes)}; these labels have shape "
                f"{sh.fmt(t)}: one integer class per sample.")
    if loss is None:
        specific = "The text does not name the loss; with categorical_crossentropy (the usual cause), " + specific[0].lower() + specific[1:]
    return Reading(specific,
                   [fix("Integer labels: use sparse_categorical_crossentropy",
                        'model.compile(loss="sparse_categorical_crossentropy", ...)'),
                    fix(f"Or one-hot encode the labels to {_n_shape(classes)}",
                        f"y = keras.utils.to_categorical(y, {classes})", result_shape=_n_shape(classes))])


def binary_labels(k: Known) -> Optional[Reading]:
    t, o, classes = k.t, k.o, k.classes
    if not (t is not None and o is not None and k.loss == "binary_crossentropy" and not _extra_output_axes(t, o, k.sparse)):
        return None
    if classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1):
        return Reading(f"binary_crossentropy wants one 0/1 target per output unit, labels shaped like the output "
                       f"{sh.fmt(o)}; these have one value per sample but the model has {classes} outputs.",
                       [fix("One yes/no label per sample: end the model with one sigmoid unit",
                            'layers.Dense(1, activation="sigmoid"),', result_shape=sh.fmt((None, 1))),
                        fix(f"One of {classes} classes per sample: softmax and a sparse loss",
                            f'layers.Dense({classes}, activation="softmax"),\nmodel.compile(loss="sparse_categorical_crossentropy", ...)')])
    if t[-1] and classes and t[-1] != classes:
        return Reading(f"The labels have {t[-1]} columns, the model {classes} outputs.",
                       [fix(f"Give the last layer {t[-1]} units", f'layers.Dense({t[-1]}, activation="sigmoid"),')])
    return Reading()


def extra_output_axes(k: Known) -> Optional[Reading]:
    t, o = k.t, k.o
    if not (t is not None and o is not None and _extra_output_axes(t, o, k.sparse)):
        return None
    return _pool_extra_axes(t, o, len(o) - 2)


def label_width(k: Known) -> Optional[Reading]:
    t, o, classes = k.t, k.o, k.classes
    if not (t is not None and o is not None and _label_width(t, o) and classes and _label_width(t, o) != classes):
        return None
    width = _label_width(t, o)
    fixes = [fix(f"Give the last layer {width} unit{'s' if width != 1 else ''} (one per label column)",
                 f"layers.Dense({width}),", result_shape=sh.fmt((None, width)))]
    if k.loss in CLASSIFY:
        fixes.append(fix(f"Or, if there really are {classes} classes, one-hot encode the labels with {classes} columns",
                         f"y = keras.utils.to_categorical(class_indices, {classes})"))
    else:
        fixes.append(fix("Or, if the labels are class indices, use a classification loss",
                         'model.compile(loss="sparse_categorical_crossentropy", ...)'))
    return Reading(f"The model predicts {classes} values per sample, the labels have {width}.", fixes)


def layer_output(k: Known) -> Optional[Reading]:
    """tf.keras 2 names the output layer and its shape: ``expected dense to have shape (None, 10)``."""
    f = k.f
    if not (f.layer and f.expected and f.received):
        return None
    e, r = shape_of(f.expected), shape_of(f.received)
    if e and r and len(e) == len(r) and e[-1] and r[-1] and r[-1] == 1 and e[-1] > 1:
        return Reading(f"{f.layer} outputs {e[-1]} values per sample but each label is a single number.",
                       [fix("Integer labels: use sparse_categorical_crossentropy",
                            'model.compile(loss="sparse_categorical_crossentropy", ...)'),
                        fix("Or one-hot encode them", f"y = keras.utils.to_categorical(y, {e[-1]})")])
    if e and r and len(e) == len(r) and e[-1] and r[-1]:
        return Reading(f"{f.layer} outputs {e[-1]} values per sample, the labels have {r[-1]}.",
                       [fix(f"Give {f.layer} {r[-1]} units, or encode the labels with {e[-1]} columns",
                            f"layers.Dense({r[-1]}, ...)   # was {e[-1]} units")])
    if r and f.expected.startswith("ndim="):
        want = int(f.expected.split("=")[1])
        fixes = []
        if len(r) > want:
            fixes = [fix("Flatten the labels' extra axes (and size the output layer to match)",
                         "y = y.reshape(len(y), -1)", result_shape=sh.fmt((r[0], sh.size(r[1:])))),
                     fix("Or make the model predict per step, like the labels",
                         "layers.LSTM(units, return_sequences=True),")]
        return Reading(f"{f.layer} outputs {sh.ndim_words(want)} per batch, the labels have {sh.ndim_words(len(r))}: "
                       f"{f.received}.", fixes)
    return Reading()


READINGS: tuple[Callable[[Known], Optional[Reading]], ...] = (
    sparse_labels, batch_axes_differ, decoder_too_small, output_map_shrunk, labels_extra_unit_axis, labels_onehot_twice,
    lost_time_axis, output_keeps_axes,
    integer_labels_categorical, binary_labels, extra_output_axes, label_width, layer_output,
)


def read(k: Known) -> Reading:
    """The first reading whose relation holds for *k*; an empty Reading when none does."""
    for reading in READINGS:
        found = reading(k)
        if found is not None:
            return found
    return Reading()
