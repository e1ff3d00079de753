"""Labels encoded for another kind of classifier than the head and the loss they train with.

The shapes agree, so Keras trains without a word; only the label values, the head's activation
and the loss tell the three kinds of classification apart:

* one-hot rows over k > 2 classes, a softmax head, ``binary_crossentropy``: a multi-class
  problem scored as k independent yes/no questions (and ``accuracy`` becomes binary accuracy):
  the loss is the culprit, ``categorical_crossentropy`` the fix;
* rows holding several ones (multi-label) under a softmax head and ``categorical_crossentropy``:
  softmax makes the classes exclusive; the head is the culprit, a sigmoid head with
  ``binary_crossentropy`` the fix (the two change together);
* class ids 0..n-1 with n > 2 under ``binary_crossentropy`` on one unit: a multi-class problem
  squeezed into one probability; the head is the culprit, n softmax units with
  ``sparse_categorical_crossentropy`` the fix;
* class ids (N,) or (N, 1) given to the user's own loss function that also accepts labels shaped
  like the output: inside it the ids broadcast against every class column (SD204 when it trains,
  SD202 when the shapes cannot broadcast); the labels are the culprit, one-hot encoding them the fix.

Two encodings whose shapes do NOT agree are read here as well (:func:`onehot_binary_labels`,
:func:`onehot_to_ids_fix`):

* one-hot rows over two classes (N, 2) against ONE sigmoid unit under ``binary_crossentropy``: the
  head and the loss agree on "one probability per sample", only the labels were encoded for a
  two-unit softmax: the labels are the culprit and ``np.argmax(y, -1)`` (the 0/1 label) the fix;
  two softmax units with ``categorical_crossentropy`` (written together) the model-side one. Over
  k > 2 classes the one unit is what is wrong (a multi-class problem): k softmax units and
  ``categorical_crossentropy``;
* turning one-hot rows into class ids (``np.argmax``) keeps every value only when EVERY row of the
  labels is one-hot (soft or multi-hot rows would lose their other values): the fix checks that
  on all the labels the call received.

The label values are read from ALL the labels the call received when they can be (a few samples
otherwise); a loss that serves several outputs is left alone (changing it changes them all).
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import (
    BINARY,
    CATEGORICAL,
    ELEMENTWISE,
    SPARSE,
    Problem,
    TrainingFix,
    full_labels,
    layer_config,
    loss_name,
    loss_shared,
    output_layer,
    to_categorical_transform,
    width_key,
)
from shapedoctor.graph.model import format_shape


def class_encoding(call: Any, model: Any, out: tuple, sample: Any, y_shape: tuple, loss: Any,
                   index: int) -> Problem | None:
    """The problem of labels whose encoding the head and loss do not match (shapes agree), or None."""
    import numpy as np

    if len(out) < 2 or not out[-1]:
        return None
    values = _values(call, index, sample)
    if values is None:
        return None
    name = loss_name(loss)
    layer = output_layer(model, index)
    activation = head_activation(layer)
    k = out[-1]
    shared = loss_shared(model)
    binary_values = bool(np.all((values == 0) | (values == 1)))
    same_shape = tuple(y_shape[1:]) == tuple(out[1:])
    if name in BINARY and not shared and activation == "softmax" and k > 2 and same_shape and binary_values \
            and bool(np.all(values.sum(-1) == 1)):
        return _onehot_under_binary(name, out, y_shape, k)
    if name in CATEGORICAL and not shared and activation == "softmax" and k > 1 and same_shape and binary_values \
            and bool(np.any(values.sum(-1) > 1)):
        return _multi_hot_under_softmax(name, out, y_shape, layer)
    if name in BINARY and not shared and k == 1 and tuple(y_shape[1:]) in ((), (1,)) and len(out) == 2:
        return _class_ids_on_one_unit(name, out, y_shape, values, layer)
    if name not in BINARY | CATEGORICAL | SPARSE | ELEMENTWISE and callable(loss) and len(out) == 2 and k > 1 \
            and tuple(y_shape[1:]) in ((), (1,)):
        return _ids_into_own_loss(loss, out, y_shape, values, k)
    return None


def head_activation(layer: Any) -> str | None:
    """The activation that makes the model's output: a layer's own, an Activation/Softmax layer's,
    or the one of the layer a TimeDistributed wraps."""
    if layer is None:
        return None
    inner = getattr(layer, "layer", None) if type(layer).__name__ == "TimeDistributed" else layer
    if type(inner).__name__ == "Softmax":
        return "softmax"
    act = layer_config(inner).get("activation")
    if isinstance(act, str):
        return act.lower()
    return getattr(act, "__name__", None)


def _values(call: Any, index: int, sample: Any):
    import numpy as np

    full = full_labels(call, index)
    arr = full if full is not None and full.dtype.kind in "iufb" and full.size else np.asarray(sample)
    if arr.dtype.kind not in "iufb" or not arr.size:
        return None
    return arr.astype("float64")


def _onehot_under_binary(name: str, out: tuple, y_shape: tuple, k: int) -> Problem:
    prob = Problem("SD202", f"one-hot labels {format_shape(y_shape)} over {k} classes under {name} with a softmax "
                   "head", "loss", expected="categorical_crossentropy", received=name)
    prob.explanation = (f"Every label row holds exactly one 1 among {k} classes and the output is a softmax over "
                        f"them: a multi-class problem. `{name}` scores each of the {k} columns as its own yes/no "
                        "question instead, and `accuracy` then means binary accuracy over all columns, which looks "
                        "high while the predicted class is wrong. One-hot classes take categorical_crossentropy.")
    prob.fixes.append(TrainingFix("use the loss made for one-hot exclusive classes: categorical_crossentropy", "loss",
                                  loss="categorical_crossentropy", cost=1))
    return prob


def _multi_hot_under_softmax(name: str, out: tuple, y_shape: tuple, layer: Any) -> Problem:
    prob = Problem("SD202", f"multi-label rows {format_shape(y_shape)} (several 1s per sample) against a softmax "
                   f"output {format_shape(out)} under {name}", "layer", expected="a sigmoid output",
                   received="softmax", layer=layer)
    prob.explanation = ("Some label rows hold several 1s: a sample can belong to several classes at once. Softmax "
                        "makes the classes exclusive (its outputs sum to 1), so raising one lowers the others, and "
                        f"`{name}` only rewards the positive columns. Multi-label outputs take a sigmoid per class "
                        "and binary_crossentropy; the two change together.")
    if layer is not None:
        prob.fixes.append(TrainingFix(f"one independent probability per class: activation='sigmoid' on {layer.name} "
                                      "and binary_crossentropy", "model",
                                      edits=[("config", layer, {"activation": "sigmoid"})],
                                      with_loss="binary_crossentropy", cost=1))
    return prob


def _class_ids_on_one_unit(name: str, out: tuple, y_shape: tuple, values: Any, layer: Any) -> Problem | None:
    import numpy as np

    if not bool(np.all(np.mod(values, 1) == 0)) or values.min() < 0:
        return None
    classes = int(values.max()) + 1
    if classes < 3 or len(np.unique(values)) < 3:
        return None
    prob = Problem("SD202", f"class ids 0..{classes - 1} {format_shape(y_shape)} under {name} on one output unit",
                   "layer", expected=f"{classes} output units", received=format_shape(out), layer=layer)
    prob.explanation = (f"The labels hold {classes} classes, but the output is one unit scored by `{name}`, which "
                        "reads every label as a probability between 0 and 1: a label of 2 is not a class, and the "
                        f"loss can even go negative. {classes} exclusive classes need {classes} softmax units and a "
                        "categorical loss (sparse_categorical_crossentropy for class ids).")
    from shapedoctor.diagnosis.training import width_layer

    head = width_layer(layer) if layer is not None else None
    if head is not None and width_key(head) is not None:
        if head is layer:
            edits = [("config", layer, {width_key(layer): classes, "activation": "softmax"})]
        elif type(layer).__name__ == "Activation":  # Dense(1) then Activation("sigmoid"), r1083
            edits = [("config", head, {width_key(head): classes}), ("config", layer, {"activation": "softmax"})]
        else:
            return prob
        prob.fixes.append(TrainingFix(f"one unit per class: {head.name} with {classes} softmax units and "
                                      "sparse_categorical_crossentropy", "model", edits=edits,
                                      with_loss="sparse_categorical_crossentropy", cost=1))
    return prob


def _ids_into_own_loss(loss: Any, out: tuple, y_shape: tuple, values: Any, k: int) -> Problem | None:
    """Class ids given to the user's loss function that also takes labels shaped like the output:
    it was written for one-hot labels, and the ids broadcast against every class column."""
    import numpy as np

    if not bool(np.all(np.mod(values, 1) == 0)) or values.min() < 0 or values.max() >= k or values.max() < 1:
        return None
    if not _takes_both(loss, k):
        return None
    shown = format_shape((None,) + tuple(out[1:]))
    prob = Problem("SD202", f"class ids {format_shape(y_shape)} given to the loss `{loss_name(loss)}`, which takes "
                   f"labels shaped like the output {shown}", "labels", expected=shown, received=format_shape(y_shape))
    prob.silent_family = "SD204"  # (N, 1) ids broadcast silently; (N,) ones raise unless the batch is k wide
    prob.explanation = (f"`{loss_name(loss)}` accepts labels shaped like the output, one column per class: it was "
                        f"written for one-hot labels. Given one class id per sample, (N, 1), the id is stretched over "
                        f"all {k} columns, so it scales every class's term instead of picking one. Training runs, "
                        "but on a meaningless loss. One-hot encode the labels.")
    prob.fixes.append(TrainingFix(f"one-hot encode the labels: keras.utils.to_categorical(y, {k})", "labels",
                                  transform="keras.utils.to_categorical({v}, " + str(k) + ")",
                                  apply=to_categorical_transform(k), cost=1))
    return prob


def _takes_both(loss: Any, k: int) -> bool:
    """The loss runs on (B, 1) ids AND on (B, k) one-hot rows against (B, k) probabilities."""
    import numpy as np
    from keras import ops

    rows = 4
    ids = (np.arange(rows) % k).astype("float32").reshape(rows, 1)
    onehot = np.eye(k, dtype="float32")[np.arange(rows) % k]
    probs = np.full((rows, k), 1.0 / k, dtype="float32")
    try:
        by_id = ops.convert_to_numpy(loss(ops.convert_to_tensor(ids), ops.convert_to_tensor(probs)))
        by_row = ops.convert_to_numpy(loss(ops.convert_to_tensor(onehot), ops.convert_to_tensor(probs)))
    except Exception:  # noqa: BLE001 - a loss that refuses either encoding reads it its own way
        return False
    return bool(np.all(np.isfinite(by_id))) and bool(np.all(np.isfinite(by_row)))


def onehot_to_ids_fix(title: str = "turn one-hot rows into class numbers: np.argmax(y, -1)",
                      cost: int = 1) -> TrainingFix:
    """``np.argmax(y, -1)`` on labels that must all be one-hot rows: the conversion then keeps every
    value (``converts``); rows that are not one-hot fail ``keeps_data`` (see the module docstring)."""
    import numpy as np

    from shapedoctor.diagnosis.training_base import is_one_hot

    seen: dict = {}

    def apply(value, seen=seen):
        arr = np.asarray(value)
        seen["one_hot"] = bool(arr.size) and is_one_hot(arr)
        return np.argmax(arr, -1)

    def checks(_full, seen=seen):
        ok = seen.get("one_hot", False)
        return [("keeps_data", ok, "" if ok else "not every label row is one-hot: argmax would drop the other values")]

    return TrainingFix(title, "labels", transform="np.argmax({v}, -1)", apply=apply, checks=checks,
                       converts=True, cost=cost)


def onehot_binary_labels(out: tuple, sample: Any, y_shape: tuple, loss: Any, layer: Any) -> Problem | None:
    """One-hot rows (N, k) against one sigmoid unit under binary_crossentropy (see the module docstring)."""
    from shapedoctor.diagnosis.training_base import is_one_hot

    name = loss_name(loss)
    if name not in BINARY or len(out) != 2 or out[-1] != 1 or len(y_shape) != 2 or not isinstance(y_shape[-1], int) \
            or y_shape[-1] < 2 or layer is None or head_activation(layer) != "sigmoid" or not is_one_hot(sample):
        return None
    k = y_shape[-1]
    key = width_key(layer)
    model_fix = None
    if key is not None:
        model_fix = TrainingFix(f"one softmax unit per class: {layer.name} with {k} softmax units and "
                                "categorical_crossentropy", "model",
                                edits=[("config", layer, {key: k, "activation": "softmax"})],
                                with_loss="categorical_crossentropy", cost=1)
    if k == 2:
        prob = Problem("SD202", f"one-hot labels {format_shape(y_shape)} over 2 classes against one sigmoid unit "
                       f"{format_shape(out)} under {name}", "labels", expected=format_shape((None, 1)),
                       received=format_shape(y_shape))
        prob.explanation = (f"The output is one sigmoid unit scored by `{name}`: one probability per sample, the "
                            "standard binary classifier. The labels were one-hot encoded over the two classes, "
                            "(N, 2), the encoding of a two-unit softmax. Keep one 0/1 label per sample (the "
                            "column index of the 1), or give the model two softmax units and a categorical loss.")
        prob.fixes.append(onehot_to_ids_fix("keep one 0/1 label per sample: np.argmax(y, -1)"))
        if model_fix is not None:
            model_fix.cost = 2
            prob.fixes.append(model_fix)
        return prob
    prob = Problem("SD202", f"one-hot labels {format_shape(y_shape)} over {k} classes against one sigmoid unit "
                   f"{format_shape(out)} under {name}", "layer", expected=f"{k} output units",
                   received=format_shape(out), layer=layer)
    prob.explanation = (f"Every label row holds exactly one 1 among {k} classes: a multi-class problem. One sigmoid "
                        f"unit under `{name}` gives one yes/no probability. {k} exclusive classes need {k} softmax "
                        "units and categorical_crossentropy.")
    if model_fix is not None:
        prob.fixes.append(model_fix)
    return prob
