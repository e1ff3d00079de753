"""Training-time checks: the data against the model's inputs, the labels against its outputs
under the compiled loss, sample counts, and the silent shape bugs that raise nothing.

:func:`check` runs before Keras sees a ``fit``/``evaluate``/``predict`` call (it only reads
shapes and a few samples), so even a silent problem is found. Keras is the oracle for what
the loss does with the shapes: the labels and outputs are aligned with Keras's own
``squeeze_or_expand_to_same_rank``, exactly as its losses do before computing.

Each problem carries repair candidates; :mod:`shapedoctor.diagnose.training_fixes` verifies
them with one real training step of a *clone* of the model on a few of the user's samples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.graph.model import format_shape
from shapedoctor.trace.training import TrainingCall

CATEGORICAL = {"categorical_crossentropy", "categoricalcrossentropy", "categorical_focal_crossentropy",
               "categoricalfocalcrossentropy", "kl_divergence", "kldivergence", "categorical_hinge"}
SPARSE = {"sparse_categorical_crossentropy", "sparsecategoricalcrossentropy"}
BINARY = {"binary_crossentropy", "binarycrossentropy", "binary_focal_crossentropy", "binaryfocalcrossentropy"}
ELEMENTWISE = {"mean_squared_error", "mse", "meansquarederror", "mean_absolute_error", "mae", "meanabsoluteerror",
               "mean_absolute_percentage_error", "mape", "mean_squared_logarithmic_error", "msle", "huber", "log_cosh",
               "logcosh", "hinge", "squared_hinge", "poisson", "cosine_similarity"}


@dataclass
class Problem:
    """One training-time shape problem, before it is turned into a Finding."""

    family: str
    message: str
    culprit_kind: str  # "data" | "labels" | "loss" | "layer" | "input"
    expected: str | None = None
    received: str | None = None
    explanation: str = ""
    output_index: int = 0
    layer: Any = None  # the Keras layer at fault (culprit_kind "layer")
    fixes: list = field(default_factory=list)  # TrainingFix candidates


@dataclass
class TrainingFix:
    title: str
    kind: str  # "loss" | "labels" | "data" | "model"
    loss: Any = None  # new loss (kind "loss")
    transform: str | None = None  # numpy/keras expression with {v} for the variable (labels/data)
    apply: Any = None  # callable(np array) -> np array for verification (labels/data)
    edits: list = field(default_factory=list)  # graph edits (kind "model")
    cost: int = 1
    note: str | None = None


def loss_name(loss: Any) -> str:
    if loss is None:
        return ""
    if isinstance(loss, str):
        return loss.lower()
    name = getattr(loss, "name", None) or getattr(loss, "__name__", None) or type(loss).__name__
    return str(name).lower()


def _losses(loss: Any, n_outputs: int, output_names: list[str]) -> list[Any]:
    if isinstance(loss, dict):
        return [loss.get(name) for name in output_names]
    if isinstance(loss, (list, tuple)):
        return list(loss) + [None] * (n_outputs - len(loss))
    return [loss] * n_outputs


def _is_shape(obj: Any) -> bool:
    return isinstance(obj, tuple) and all(d is None or isinstance(d, int) for d in obj)


def _flat(obj: Any) -> list:
    if obj is None:
        return []
    if _is_shape(obj):
        return [obj]
    if isinstance(obj, dict):
        return [v for v in obj.values()]
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "shape"):
        return list(obj)
    return [obj]


def model_outputs(model: Any) -> list[tuple]:
    try:
        return [tuple(o.shape) for o in model.outputs]
    except (AttributeError, ValueError, TypeError):
        return []


def model_inputs(model: Any) -> list[tuple]:
    try:
        return [tuple(i.shape) for i in model.inputs]
    except (AttributeError, ValueError, TypeError):
        return []


def check(call: TrainingCall) -> list[Problem]:
    """All shape problems of one training/inference call, errors first."""
    model = call.model
    problems: list[Problem] = []
    problems += _check_inputs(call, model)
    if call.method in ("predict", "predict_on_batch"):
        return problems
    problems += _check_counts(call)
    if not problems:
        problems += _check_labels(call, model)
    problems += _check_structure(model)
    return problems


# -- data vs inputs ----------------------------------------------------------------------
def _check_inputs(call: TrainingCall, model: Any) -> list[Problem]:
    declared = model_inputs(model)
    data = [s for s in (_flat(call.x_shapes)) if s is not None]
    out = []
    for i, (want, got) in enumerate(zip(declared, data)):
        if len(want) == len(got) and all(w is None or w == g for w, g in zip(want[1:], got[1:])):
            continue
        from shapedoctor.repair.generators import _matches

        prob = Problem(
            "SD201",
            f"the data has shape {format_shape(got)} but the model input was declared as {format_shape(want)}",
            "data", expected=format_shape(want), received=format_shape(got), output_index=i)
        prob.explanation = _data_text(want, got, call.method)
        for how, shape, why in _data_options(got, want):
            if _matches(shape, want):
                prob.fixes.append(TrainingFix(f"{why}: {how.format(v='x')}", "data", transform=how,
                                              apply=_np_apply(how), cost=1))
        prob.fixes.append(TrainingFix(f"declare the input as shape={format_shape(tuple(got[1:]))}", "model",
                                      edits=[("input", i, (None,) + tuple(got[1:]))], cost=2,
                                      note="the model is then built for the data you have"))
        out.append(prob)
    return out


def _data_text(want: tuple, got: tuple, method: str) -> str:
    text = (f"`Input(shape={format_shape(tuple(want[1:]))})` declares one sample; Keras adds the batch axis "
            f"(`None`) in front, so the data must be shaped {format_shape(want)}. The data passed to `{method}` "
            f"is {format_shape(got)}")
    if len(got) == len(want) - 1 and tuple(got) == tuple(want[1:]):
        return text + ": one sample without its batch axis."
    if len(got) == len(want) - 1:
        return text + f": it has {len(got)} axes where {len(want)} are needed (a channel, feature or time axis is missing)."
    if len(got) == 2 and len(want) == 2 and got[0] == want[1]:
        return text + ": it looks transposed (features first, samples second)."
    return text + "."


def _data_options(got: tuple, want: tuple) -> list[tuple[str, tuple, str]]:
    opts = []
    if len(got) == len(want) - 1:
        opts.append(("np.expand_dims({v}, 0)", (1,) + tuple(got), "add the missing batch axis (one sample)"))
        opts.append(("np.expand_dims({v}, -1)", tuple(got) + (1,), "add the missing last axis"))
    if len(got) == 2:
        opts.append(("{v}.T", (got[1], got[0]), "transpose: samples must come first"))
    if len(got) == len(want) + 1 and got[-1] == 1:
        opts.append(("np.squeeze({v}, -1)", tuple(got[:-1]), "drop the extra axis of size 1"))
    known = list(want[1:])
    if None not in known and len(got) != len(want) and None not in got:
        total = math.prod(got)
        if total % math.prod(known) == 0:
            opts.append(("{v}.reshape((-1, " + ", ".join(map(str, known)) + "))",
                         (total // math.prod(known),) + tuple(known), "reshape each sample to the declared input"))
    return opts


def _np_apply(how: str):
    import numpy as np

    def run(value):
        return eval(how.format(v="_v"), {"np": np, "_v": value})  # noqa: S307 - our own fixed templates

    return run


# -- counts ------------------------------------------------------------------------------
def _check_counts(call: TrainingCall) -> list[Problem]:
    if call.batched or call.y_shapes is None:
        return []
    xs = [s[0] for s in _flat(call.x_shapes) if s]
    ys = [s[0] for s in _flat(call.y_shapes) if s]
    if not xs or not ys or len(set(xs + ys)) == 1:
        return []
    prob = Problem("SD203", f"x has {xs[0]} samples but y has {ys[0]}", "labels",
                   expected=f"{xs[0]} samples", received=f"{ys[0]} samples")
    prob.explanation = ("Keras pairs the i-th input with the i-th label along the first axis, so x and y must have "
                        "the same length there. A transposed array or a selection applied to only one of them breaks "
                        "the pairing.")
    n = min(xs + ys)
    y_shape = _flat(call.y_shapes)[0]
    if len(y_shape) == 2 and y_shape[1] == xs[0]:
        prob.fixes.append(TrainingFix("the labels look transposed: y.T", "labels", transform="{v}.T",
                                      apply=_np_apply("{v}.T"), cost=1))
    prob.fixes.append(TrainingFix(f"use the same samples for both: [:{n}]", "labels", transform="{v}[:" + str(n) + "]",
                                  apply=None, cost=3, note="only right if the extra rows have no partner; "
                                  "usually the bug is a filter or split applied to x but not to y"))
    return [prob]


# -- labels vs output vs loss ------------------------------------------------------------
def _check_labels(call: TrainingCall, model: Any) -> list[Problem]:
    outputs = model_outputs(model)
    labels = _flat(call.y)
    label_shapes = _flat(call.y_shapes)
    if not outputs or not labels:
        return []
    names = list(getattr(model, "output_names", []) or [])
    losses = _losses(call.loss, len(outputs), names)
    problems = []
    if isinstance(call.y, (list, tuple)) and len(labels) != len(outputs) and not hasattr(call.y, "shape"):
        prob = Problem("SD203", f"the model has {len(outputs)} outputs but {len(labels)} label arrays were given",
                       "labels", expected=f"{len(outputs)} label arrays", received=f"{len(labels)}")
        prob.explanation = "A multi-output model needs one label array per output, in the same order (or a dict by output name)."
        return [prob]
    for i, (out, sample, shape) in enumerate(zip(outputs, labels, label_shapes)):
        if sample is None or shape is None:
            continue
        prob = _check_one(out, sample, shape, losses[i] if i < len(losses) else None, model, i)
        if prob is not None:
            prob.output_index = i
            problems.append(prob)
    return problems


def _is_integer_like(sample: Any) -> bool:
    import numpy as np

    arr = np.asarray(sample)
    if arr.size == 0:
        return False
    if np.issubdtype(arr.dtype, np.integer):
        return True
    return bool(np.all(np.equal(np.mod(arr, 1), 0)))


def _is_one_hot(sample: Any) -> bool:
    import numpy as np

    arr = np.asarray(sample, dtype="float64")
    return arr.ndim >= 2 and arr.shape[-1] > 1 and bool(np.all((arr == 0) | (arr == 1))) and bool(
        np.all(arr.sum(-1) == 1))


def _aligned(y_shape: tuple, out_shape: tuple) -> tuple[tuple, tuple]:
    """The shapes Keras's losses compare, after its own squeeze/expand of a last axis of 1."""
    import keras
    from keras.src.losses.loss import squeeze_or_expand_to_same_rank

    yt = keras.KerasTensor((None,) + tuple(y_shape[1:]))
    yp = keras.KerasTensor((None,) + tuple(out_shape[1:]))
    a, b = squeeze_or_expand_to_same_rank(yt, yp)
    return tuple(a.shape), tuple(b.shape)


def _broadcastable(a: tuple, b: tuple) -> bool:
    for x, y in zip(reversed(a), reversed(b)):
        if x is None or y is None or x == y or x == 1 or y == 1:
            continue
        return False
    return True


def _output_layer(model: Any, index: int) -> Any:
    try:
        return model.outputs[index]._keras_history.operation
    except (AttributeError, IndexError, ValueError):
        return None


def _check_one(out: tuple, sample: Any, y_shape: tuple, loss: Any, model: Any, index: int) -> Problem | None:
    import numpy as np

    name = loss_name(loss)
    k = out[-1]
    layer = _output_layer(model, index)
    y_arr = np.asarray(sample)
    shown = f"labels {format_shape(y_shape)} against output {format_shape(out)}"
    if name in CATEGORICAL and tuple(y_shape[1:]) != tuple(out[1:]):
        if _is_integer_like(sample) and (len(y_shape) == 1 or y_shape[-1] == 1) and len(out) == 2:
            prob = Problem("SD202", f"integer class labels {format_shape(y_shape)} used with {name} "
                           f"(output {format_shape(out)})", "labels", expected=format_shape((None,) + tuple(out[1:])),
                           received=format_shape(y_shape))
            prob.explanation = (f"`{name}` compares one-hot labels with the output, so y must be shaped like the "
                                f"output, (N, {k}). These labels hold one integer class per sample. Either tell the "
                                "loss so (`sparse_categorical_crossentropy`) or one-hot encode the labels.")
            prob.fixes += [TrainingFix("use the loss made for integer labels: sparse_categorical_crossentropy", "loss",
                                       loss="sparse_categorical_crossentropy", cost=1),
                           TrainingFix(f"one-hot encode the labels: keras.utils.to_categorical(y, {k})", "labels",
                                       transform="keras.utils.to_categorical({v}, " + str(k) + ")",
                                       apply=_to_categorical(k), cost=1)]
            return prob
        if len(out) > len(y_shape):
            return _extra_axes(out, y_shape, name, model, index, layer)
        prob = Problem("SD202", f"{shown} under {name}", "labels", expected=format_shape((None,) + tuple(out[1:])),
                       received=format_shape(y_shape))
        prob.explanation = f"`{name}` needs labels shaped exactly like the output; got {shown}."
        if len(out) == len(y_shape) and len(out) == 2 and layer is not None:
            prob.fixes.append(_units_fix(layer, y_shape[-1]))
        return prob
    if name in SPARSE:
        if len(out) > len(y_shape) + (0 if (len(y_shape) and y_shape[-1] != 1) else 1) or (
                len(out) > 2 and len(y_shape) <= 2 and (len(y_shape) < 2 or y_shape[-1] == 1)):
            return _extra_axes(out, y_shape, name, model, index, layer)
        if len(y_shape) == len(out) and y_shape[-1] == k and k > 1 and _is_one_hot(sample):
            prob = Problem("SD202", f"one-hot labels {format_shape(y_shape)} used with {name}", "labels",
                           expected=f"{format_shape((None,))} or {format_shape((None, 1))}", received=format_shape(y_shape))
            prob.explanation = (f"`{name}` wants one integer class per sample, (N,) or (N, 1); these labels are "
                                "one-hot rows. Use the categorical loss, or turn the rows back into class numbers.")
            prob.fixes += [TrainingFix("use the loss made for one-hot labels: categorical_crossentropy", "loss",
                                       loss="categorical_crossentropy", cost=1),
                           TrainingFix("turn one-hot rows into class numbers: np.argmax(y, -1)", "labels",
                                       transform="np.argmax({v}, -1)", apply=_np_apply("np.argmax({v}, -1)"), cost=1)]
            return prob
        if _is_integer_like(sample) and y_arr.size and int(np.max(y_arr)) >= (k or 0) and k:
            n = int(np.max(y_arr)) + 1
            prob = Problem("SD202", f"labels go up to class {n - 1} but the output has {k} units", "layer",
                           expected=f"{n} output units", received=f"{k}", layer=layer)
            prob.explanation = (f"A classifier needs one output unit per class. The labels contain class {n - 1}, "
                                f"so the last layer needs at least {n} units; it has {k}.")
            if layer is not None:
                prob.fixes.append(_units_fix(layer, n))
            return prob
        return None
    if name in BINARY and k and k > 1 and (len(y_shape) == 1 or (len(y_shape) == 2 and y_shape[-1] == 1)):
        prob = Problem("SD202", f"binary labels {format_shape(y_shape)} against {k} output units under {name}",
                       "layer", expected=format_shape((None, 1)), received=format_shape(out), layer=layer)
        prob.explanation = (f"`{name}` scores one probability per label; with {k} output units each 0/1 label is "
                            f"compared against all {k} of them. A binary classifier has one sigmoid unit.")
        if layer is not None:
            prob.fixes.append(_units_fix(layer, 1, activation="sigmoid"))
        prob.fixes.append(TrainingFix("treat it as k-class classification: sparse_categorical_crossentropy", "loss",
                                      loss="sparse_categorical_crossentropy", cost=2))
        return prob
    if name in ELEMENTWISE or name in BINARY:
        a, b = _aligned(y_shape, out)
        if a[1:] == b[1:]:
            return None
        if len(out) > len(y_shape) + 1 and len(out) >= 3:
            return _extra_axes(out, y_shape, name, model, index, layer)
        silent = _broadcastable(a, b) and not (len(a) != len(b))
        if silent:
            prob = Problem("SD204", f"{shown}: {name} silently broadcasts them", "labels",
                           expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y_shape), layer=layer)
            prob.explanation = (f"After Keras aligns them, {name} compares {format_shape(a)} with {format_shape(b)}; "
                                "an axis of size 1 is stretched to match, so every label is compared with every "
                                "output value. Training runs, but it optimises a meaningless loss.")
        else:
            prob = Problem("SD202", f"{shown} cannot be compared by {name}", "labels",
                           expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y_shape), layer=layer)
            prob.explanation = (f"{name} compares labels and output value by value; {format_shape(a)} and "
                                f"{format_shape(b)} cannot be lined up (on TensorFlow this surfaces as "
                                "`Incompatible shapes` deep in the gradient).")
        width = y_shape[-1] if len(y_shape) == len(out) else 1
        if layer is not None and hasattr(layer, "units"):
            prob.fixes.append(_units_fix(layer, width))
        if len(y_shape) == 1 and k == 1:
            prob.fixes.append(TrainingFix("give the labels the output's shape: y.reshape(-1, 1)", "labels",
                                          transform="{v}.reshape(-1, 1)", apply=_np_apply("{v}.reshape(-1, 1)")))
        return prob
    return None


def _extra_axes(out, y_shape, name, model, index, layer) -> Problem:
    prob = Problem("SD202", f"the output {format_shape(out)} has more axes than the labels {format_shape(y_shape)}",
                   "layer", expected=f"rank {len(y_shape) + (1 if name in SPARSE else 0)}", received=format_shape(out),
                   layer=layer)
    prob.explanation = (f"The model outputs one prediction per position, {format_shape(out)}, but the labels have one "
                        f"per sample, {format_shape(y_shape)}. Dense keeps every axis but the last, so after an "
                        "Embedding, RNN with return_sequences=True or a convolution, the extra axes must be pooled or "
                        "flattened before the output layer.")
    rank_in = len(out)
    prob.fixes.append(TrainingFix(f"pool the extra axes before the output layer: GlobalAveragePooling{rank_in - 2}D()",
                                  "model", edits=[("insert_before_output", index, f"GlobalAveragePooling{rank_in - 2}D")],
                                  cost=1))
    prob.fixes.append(TrainingFix("flatten before the output layer: Flatten()", "model",
                                  edits=[("insert_before_output", index, "Flatten")], cost=2))
    return prob


def _units_fix(layer, units: int, activation: str | None = None) -> TrainingFix:
    changes = {"units": units}
    if activation:
        changes["activation"] = activation
    what = ", ".join(f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}" for k, v in changes.items())
    return TrainingFix(f"make the output layer {layer.name} match the labels: {what}", "model",
                       edits=[("config", layer, changes)], cost=1)


def _to_categorical(k: int):
    def run(value):
        import keras

        return keras.utils.to_categorical(value, k)

    return run


# -- model structure (silent) ------------------------------------------------------------
def _check_structure(model: Any) -> list[Problem]:
    out = []
    for layer in _all_layers(model):
        cfg = _config(layer)
        if cfg.get("activation") == "softmax" and cfg.get("units") == 1:
            prob = Problem("SD207", f"`{layer.name}` applies softmax to a single unit: it always outputs 1.0",
                           "layer", expected="sigmoid with 1 unit, or softmax with 2+ units", received="softmax, 1 unit",
                           layer=layer)
            prob.explanation = ("Softmax normalises the last axis to sum to 1; with one value that value is always 1.0, "
                                "whatever the input, so nothing can be learned.")
            prob.fixes.append(TrainingFix('use activation="sigmoid" for one unit', "model",
                                          edits=[("config", layer, {"activation": "sigmoid"})], cost=1))
            out.append(prob)
    return out


def _all_layers(model: Any) -> list:
    found = []
    for layer in getattr(model, "layers", []) or []:
        found.append(layer)
        if hasattr(layer, "layers"):
            found += _all_layers(layer)
    return found


def _config(layer: Any) -> dict:
    try:
        return layer.get_config()
    except Exception:  # noqa: BLE001
        return {}
