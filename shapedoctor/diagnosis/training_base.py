"""The vocabulary every training-time check shares: a :class:`Problem` and its
:class:`TrainingFix` candidates, the loss families, and small readers of shapes, labels and
layers (which shapes Keras accepts for an input, which shapes a loss compares, the labels of
one output, the layer before another).

:mod:`shapedoctor.diagnosis.training` and its ``training_*`` siblings build on these; nothing
here decides what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The loss kinds live in graph/loss_kinds.py (the recorder reads them too); the checks import them from here.
from shapedoctor.graph.loss_kinds import BINARY as BINARY
from shapedoctor.graph.loss_kinds import CATEGORICAL as CATEGORICAL
from shapedoctor.graph.loss_kinds import ELEMENTWISE as ELEMENTWISE
from shapedoctor.graph.loss_kinds import SPARSE as SPARSE
from shapedoctor.graph.loss_kinds import loss_name as loss_name


_LOSS_CLASSES = {"sparse_categorical_crossentropy": "SparseCategoricalCrossentropy",
                 "categorical_crossentropy": "CategoricalCrossentropy", "binary_crossentropy": "BinaryCrossentropy"}


def same_logits(loss: Any, new: str) -> Any:
    """The loss *new* (a Keras loss name) to put in place of *loss*, keeping what the model's head is
    scored as: a loss compiled with ``from_logits=True`` (a head with no activation) is replaced by
    the new loss's class made with ``from_logits=True`` too, since the string form reads probabilities
    and would silently score raw logits as if a softmax or sigmoid had made them. Else *new* itself."""
    import keras

    config = loss.get_config() if isinstance(loss, keras.losses.Loss) else {}
    if not config.get("from_logits") or new not in _LOSS_CLASSES:
        return new
    return getattr(keras.losses, _LOSS_CLASSES[new])(from_logits=True)


def loss_text(loss: Any) -> str:
    """How a fix's title names *loss*: a name as it is, a loss object as its class and from_logits."""
    if isinstance(loss, str):
        return loss
    logits = getattr(loss, "get_config", dict)().get("from_logits")
    return f"{type(loss).__name__}(from_logits=True)" if logits else type(loss).__name__


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
    silent: bool = False  # the call ran without error: report as a warning
    silent_family: str | None = None  # the family to report if Keras runs the call anyway
    extra_where: str | None = None  # "validation": the problem is in validation_data
    settled: bool = False  # a rule named the root cause from evidence: no model-side search after it
    data_shapes: tuple | None = None  # (declared, given) shapes of the x input at fault (SD201)
    data_site: tuple | None = None  # (file, line) where x was made, when the call does not show it (a yield)
    labels_site: tuple | None = None  # (file, line) where the labels got their encoding, inside a dataset (a loader)
    labels_ask_for: tuple | None = None  # the output shape the labels need when not their own (sparse ids)
    weights: tuple | None = None  # (argument, shape) of the sample/class weights at fault; data_site: their line
    model_kept: bool = False  # the model trained on labels its output fits: no model edit is searched or blamed


@dataclass
class TrainingFix:
    title: str
    kind: str  # "loss" | "labels" | "data" | "model" | "weights" (the call's sample weights)
    loss: Any = None  # new loss (kind "loss")
    transform: str | None = None  # numpy/keras expression with {v} for the variable (labels/data)
    apply: Any = None  # callable(np array) -> np array for verification (labels/data)
    edits: list = field(default_factory=list)  # graph edits (kind "model")
    cost: int = 1
    note: str | None = None
    whole: bool = False  # `apply` takes the whole x (or y) structure, not one input/output
    counts_to: int | None = None  # keep this many samples of y too (count fixes)
    rewrite_argument: str | None = None  # new text for the x/y argument, "{0}", "{1}"... = the user's items
    replace_argument: str | None = None  # new text for the whole x/y argument (e.g. "[title, body]")
    checks: Any = None  # callable(full transformed value) -> [(invariant, ok, why)], checked on ALL the data
    line_edit: tuple | None = None  # (line, start col, end col, new text, new line): rewrite where y was made
    more_edits: tuple = ()  # further line_edits written with it: the same data made the same way (X_test alike)
    converts: bool = False  # colour -> grayscale for a model trained on grayscale: fewer values by design
    strides_like: bool = False  # per-step targets kept only at the steps a strided layer keeps: fewer by design
    new_labels: Any = None  # a data fix that regroups a yielded element: the labels it yields instead
    drops_copies: bool = False  # slices away only exact copies of what it keeps; its `checks` say so on all data
    unbatches: bool = False  # merges the two batch axes of a twice-batched dataset element (y alike)
    batches_one: bool = False  # makes one yielded (x, y) element a batch of one: y gains its batch axis too
    swapped_in: bool = False  # replace_argument names another of the user's arrays: only the pairing is checked
    with_loss: Any = None  # a model fix that only makes sense with another loss too (kind "model"): that loss
    labels_too: bool = False  # a data fix where the labels are the data itself (an autoencoder): y changes alike
    labels_alike: bool = False  # the labels are gathered the same way (a list of samples): y is transformed alike
    recounts: int | None = None  # undoes a multiplied count (x to this many samples): `checks` judge samples and data
    proof_only: str | None = None  # why only the patched script can show the fix (e.g. the input is declared from x)
    validation_labels: str | None = None  # the validation labels rewritten alike: "[{0}, {0}]" ({0}: their text)


def losses_per_output(loss: Any, n_outputs: int, output_names: list[str]) -> list[Any]:
    if isinstance(loss, dict):
        return [loss.get(name) for name in output_names]
    if isinstance(loss, (list, tuple)):
        return list(loss) + [None] * (n_outputs - len(loss))
    return [loss] * n_outputs


def is_shape(obj: Any) -> bool:
    return isinstance(obj, tuple) and all(d is None or isinstance(d, int) for d in obj)


def flat_items(obj: Any) -> list:
    if obj is None:
        return []
    if is_shape(obj):
        return [obj]
    if isinstance(obj, dict):
        return [v for v in obj.values()]
    from shapedoctor.trace.training import is_row_list

    if isinstance(obj, (list, tuple)) and not hasattr(obj, "shape") and not is_row_list(obj):
        return list(obj)
    return [obj]


def dict_input_keys(model: Any) -> list | None:
    """The keys of the dict a functional model was built from, sorted: the order ``model.inputs`` holds them
    in, and the order Keras reads a list of arrays given to it; None for a model built otherwise."""
    try:
        declared = model.input
    except (AttributeError, ValueError, TypeError):
        return None
    return sorted(declared) if isinstance(declared, dict) else None


def in_input_order(obj: Any, model: Any) -> list:
    """The items of x (arrays, or their shapes) in the order of ``model.inputs``, as Keras pairs them.

    A dict is matched by key, not by its own order: a model built from a dict of inputs flattens
    it by sorted key (``model.inputs`` is in that order, whatever order the dict was written in),
    and a model built from a list takes dict data by its inputs' names. Anything else is
    ``flat_items``.
    """
    if not isinstance(obj, dict):
        return flat_items(obj)
    keys = dict_input_keys(model)
    if keys is not None and set(keys) <= set(obj):
        return [obj[key] for key in keys]
    try:
        names = [getattr(t, "name", None) for t in model.inputs]
    except (AttributeError, ValueError, TypeError):
        names = []
    if names and all(n in obj for n in names):
        return [obj[n] for n in names]
    return flat_items(obj)


def layer_inputs(layer: Any) -> list:
    """The symbolic tensors of a functional layer's first call (empty when it has none we can read)."""
    try:
        return list(layer._inbound_nodes[0].arguments.keras_tensors)
    except (AttributeError, IndexError, ValueError):
        return []


def previous_layer(layer: Any, only_one: bool = False) -> Any:
    """The layer that made *layer*'s first input (None at a model input's edge or when unreadable;
    with *only_one*, also None when *layer* takes several inputs)."""
    tensors = layer_inputs(layer)
    if not tensors or (only_one and len(tensors) != 1):
        return None
    return getattr(getattr(tensors[0], "_keras_history", None), "operation", None)


def full_labels(call: Any, index: int):
    """All the labels of output *index* passed to the call, as one NumPy array (None for labels
    that cannot be read whole, e.g. a dataset)."""
    import numpy as np

    # A dict of labels is paired with the outputs by name (flattening it would sort its keys).
    ys = labels_by_output(call.y_ref, output_keys(call.model))
    try:
        return np.asarray(ys[index] if index < len(ys) else ys[0])
    except Exception:  # noqa: BLE001 - labels that cannot be read whole (a dataset)
        return None


def model_outputs(model: Any) -> list[tuple]:
    try:
        outputs = [tuple(o.shape) for o in model.outputs]
        return _string_input_outputs(model) or outputs
    except (AttributeError, ValueError, TypeError):
        predicted = _UNBUILT_OUTPUTS.get(id(model))
        return [predicted[1]] if predicted is not None and predicted[0]() is model else []


_UNBUILT_OUTPUTS: dict = {}  # id(model) -> (weak reference, the output shape Keras predicts for the data)
_STRING_OUTPUTS: dict = {}  # id(model) -> (weak reference, the outputs worked out by running its first layer)


def _string_input_outputs(model: Any) -> list[tuple] | None:
    """The output of a Sequential model that takes strings, its first layer (a ``TextVectorization``)
    run on two dummy strings of the input's shape and the others asked their ``compute_output_shape``
    from there; None for any other model or when Keras cannot say.

    Keras's symbolic output of such a model can be wrong: ``TextVectorization`` in a counting mode
    (``multi_hot``, ``count``, ``tf_idf``) fed one string per row, (None, 1), returns (None, k) when
    it runs, but its ``compute_output_shape`` keeps the string axis, (None, 1, k). The layer itself,
    run, is the oracle; running it changes nothing (an adapted lookup only reads its vocabulary)."""
    import weakref

    from keras import Sequential

    from shapedoctor.infer.text_lookup import text_layer_output

    if type(model) is not Sequential:
        return None
    cached = _STRING_OUTPUTS.get(id(model))
    if cached is not None and cached[0]() is model:
        return cached[1]
    found = None
    try:
        inputs = model.inputs
        out = text_layer_output(model.layers[0], tuple(inputs[0].shape)) if len(inputs) == 1 else None
        if out is not None:
            for layer in model.layers[1:]:
                out = tuple(layer.compute_output_shape(out))
            found = [out]
    except Exception:  # noqa: BLE001 - Keras cannot say: the symbolic outputs stand
        found = None
    _STRING_OUTPUTS[id(model)] = (weakref.ref(model), found)
    return found


def predict_unbuilt_output(model: Any, x_shape: tuple | None) -> None:
    """A Sequential model without an ``Input`` is built by ``fit`` from the data: before that it has no
    outputs to check the labels against. Keras's own ``compute_output_shape`` of each layer predicts the
    output for the data's shape without building anything (only layers that define it are asked: the
    default one would run ``call`` on an unbuilt layer); :func:`model_outputs` then answers with it."""
    import weakref

    from keras import Sequential
    from keras.layers import Layer

    from shapedoctor.infer.text_lookup import text_layer_output

    if type(model) is not Sequential or getattr(model, "built", True) or not x_shape or len(x_shape) < 2:
        return
    layers = list(model.layers)
    if not layers or any(type(layer).compute_output_shape is Layer.compute_output_shape for layer in layers):
        return
    built = [layer.built for layer in layers]
    try:
        shape = (None,) + tuple(x_shape[1:])
        ran, rest = text_layer_output(layers[0], shape), layers  # a text lookup layer is run: see infer/text_lookup.py
        if ran is not None:
            shape, rest = ran, layers[1:]
        for layer in rest:
            shape = layer.compute_output_shape(shape)
        out = tuple(shape)
    except Exception:  # noqa: BLE001 - Keras cannot predict it: the checks stay as they were
        return
    if [layer.built for layer in layers] != built or not all(d is None or isinstance(d, int) for d in out):
        return
    _UNBUILT_OUTPUTS[id(model)] = (weakref.ref(model), out)


def model_inputs(model: Any) -> list[tuple]:
    try:
        return [tuple(i.shape) for i in model.inputs]
    except (AttributeError, ValueError, TypeError):
        return []


def input_accepts(want: tuple, got: tuple) -> bool:
    """Shapes Keras accepts for a declared input, including its own rank adjustment
    (a missing or extra last axis of size 1 is added or squeezed by Functional models)."""
    def same(a, b):
        return len(a) == len(b) and shapes_fit(tuple(a[1:]), tuple(b[1:]))

    if same(want, got):
        return True
    if len(got) == len(want) - 1 and want[-1] == 1 and same(want[:-1], got):
        return True
    return len(got) == len(want) + 1 and got[-1] == 1 and same(want, got[:-1])


def numpy_transform(how: str):
    import numpy as np

    def run(value):
        return eval(how.format(v="_v"), {"np": np, "_v": value})  # noqa: S307 - our own fixed templates

    return run


def output_keys(model: Any) -> list[str]:
    """The names Keras pairs labels and losses with, in the order of ``model.outputs``: the keys of a
    model built with a dict of outputs (``Model(x, {"box": b, "class": c})``, sorted as Keras flattens
    them), else its output names (the layers that make the outputs)."""
    try:
        structure = getattr(model, "output", None)
    except Exception:  # noqa: BLE001 - an unbuilt or subclassed model has no output structure to read
        structure = None
    if isinstance(structure, dict):
        return sorted(structure)
    return list(getattr(model, "output_names", []) or [])


def labels_by_output(struct: Any, names: list[str]) -> list:
    """Labels in the order of the model's outputs (dicts are keyed by output name)."""
    if isinstance(struct, dict) and names and all(n in struct for n in names):
        return [struct[n] for n in names]
    return flat_items(struct)


def is_integer_like(sample: Any) -> bool:
    import numpy as np

    arr = np.asarray(sample)
    if arr.size == 0:
        return False
    if np.issubdtype(arr.dtype, np.integer):
        return True
    return bool(np.all(np.equal(np.mod(arr, 1), 0)))


def is_one_hot(sample: Any) -> bool:
    import numpy as np

    arr = np.asarray(sample, dtype="float64")
    return arr.ndim >= 2 and arr.shape[-1] > 1 and bool(np.all((arr == 0) | (arr == 1))) and bool(
        np.all(arr.sum(-1) == 1))


def loss_aligned_shapes(y_shape: tuple, out_shape: tuple) -> tuple[tuple, tuple]:
    """The shapes Keras's losses compare, after its own squeeze/expand of a last axis of 1."""
    import keras

    from shapedoctor.keras_internals import aligned_loss_shapes as squeeze_or_expand_to_same_rank

    yt = keras.KerasTensor((None,) + tuple(y_shape[1:]))
    yp = keras.KerasTensor((None,) + tuple(out_shape[1:]))
    a, b = squeeze_or_expand_to_same_rank(yt, yp)
    return tuple(a.shape), tuple(b.shape)


def shapes_fit(a: tuple, b: tuple) -> bool:
    """Same rank and every axis equal, an unknown axis (None) matching any size."""
    return len(a) == len(b) and all(x is None or y is None or x == y for x, y in zip(a, b))


def broadcastable(a: tuple, b: tuple) -> bool:
    for x, y in zip(reversed(a), reversed(b)):
        if x is None or y is None or x == y or x == 1 or y == 1:
            continue
        return False
    return True


def all_layers(model: Any) -> list:
    found = []
    for layer in getattr(model, "layers", []) or []:
        found.append(layer)
        if hasattr(layer, "layers"):
            found += all_layers(layer)
    return found


def layer_config(layer: Any) -> dict:
    try:
        return layer.get_config()
    except Exception:  # noqa: BLE001
        return {}


def output_layer(model: Any, index: int) -> Any:
    """The layer that makes output *index*; for a Sequential not built yet (no ``Input``, checked before
    its first call), its last layer."""
    try:
        return model.outputs[index]._keras_history.operation
    except (AttributeError, IndexError, ValueError):
        pass
    from keras import Sequential

    if isinstance(model, Sequential) and index == 0 and model.layers:
        return model.layers[-1]
    return None


def layers_back(model: Any, index: int, depth: int) -> list:
    """The *depth* layers that made output *index* (fewer at the model's input), from the output back
    along each layer's first input, stepping into a Sequential called inside the model (an encoder, a
    decoder block): its own layers, last first, then on before it. The first is the output layer."""
    import itertools

    return list(itertools.islice(_walk_back(model, index), depth))


def _walk_back(model: Any, index: int):
    layer = output_layer(model, index)
    while layer is not None and type(layer).__name__ != "InputLayer":
        yield from _inside(layer)
        layer = previous_layer(layer)


def _inside(layer: Any):
    from keras import Sequential

    if isinstance(layer, Sequential) and layer.built and layer.layers:
        for inner in reversed(layer.layers):
            yield from _inside(inner)
    else:
        yield layer


def loss_shared(model: Any) -> bool:
    """One loss serves several outputs: changing it changes them all, so it is not what to blame
    for one output's labels."""
    try:
        return len(model.outputs) > 1 and not isinstance(model.loss, (dict, list, tuple))
    except (AttributeError, TypeError, ValueError):  # a subclassed model has no .outputs before it is called
        return False


def width_key(layer) -> str | None:
    """The config key that sets a layer's output width: ``units`` (Dense, RNNs) or ``filters`` (convolutions)."""
    for key in ("units", "filters"):
        if isinstance(getattr(layer, key, None), int):
            return key
    return None


def to_categorical_transform(k: int):
    def run(value):
        import keras

        return keras.utils.to_categorical(value, k)

    return run


def findings_per_call(recorder: Any, key: Any, build: Any) -> list:
    """``build(call)`` for each training call the recorder holds whose ``key(call)`` is not None and not met before
    (one warning per model, per loss function...): the findings that were made. A finding that cannot be built is
    skipped and its error kept in ``recorder.internal_errors``, never fatal."""
    out, seen = [], set()
    for call in getattr(recorder, "training_calls", None) or []:
        k = key(call)
        if k is None or k in seen:
            continue
        try:
            finding = build(call)
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
            continue
        if finding is not None:
            seen.add(k)
            out.append(finding)
    return out
