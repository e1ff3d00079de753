"""Replay a :class:`~shapedoctor.graph.model.Graph` through Keras, symbolically and weight-free.

Every layer is rebuilt from its config (``from_config``) and called on ``KerasTensor``
placeholders, so Keras itself applies its ``InputSpec`` checks, the layer's ``build``
checks and its ``compute_output_shape`` (or a symbolic trace for layers that have no
shape rule). The whole replay runs inside a Keras ``StatelessScope`` with variable
initialisation turned off: ``add_weight`` records each variable's shape and initializer
but never allocates it, so a 5-billion-parameter stack is checked in milliseconds and a
few hundred MB (see ``benchmarks/bench_large_model.py``).

This module is the only place that asks Keras for shapes; there is no shape logic of
our own here.
"""

from __future__ import annotations

import contextlib
import copy
import warnings
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.graph.model import Graph, LayerSpec, Node, replace_refs
from shapedoctor.trace.recorder import shape_of


@dataclass
class Propagation:
    """The outcome of one replay."""

    shapes: dict[str, tuple | None] = field(default_factory=dict)  # tensor id -> shape
    error: BaseException | None = None
    failed_node: str | None = None  # node id of the call Keras refused
    unverifiable: list[str] = field(default_factory=list)  # nodes that could not be replayed
    params: dict[str, int] = field(default_factory=dict)  # layer key -> parameter count (shapes only)
    largest: int = 0  # the largest tensor seen, in values per sample (None axes count as 1)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.unverifiable

    def output_shape(self, graph: Graph) -> tuple | None:
        return self.shapes.get(graph.outputs[0]) if graph.outputs else None


def fresh_layer(spec: LayerSpec) -> Any:
    """A new, unbuilt Keras layer equal to *spec* (the user's own layer is never touched)."""
    if spec.klass is None:
        import keras

        return keras.layers.deserialize({"class_name": spec.cls, "config": copy.deepcopy(spec.config)})
    try:
        layer = spec.klass.from_config(_any_size(spec.cls, copy.deepcopy(spec.config)))
    except Exception:
        twin = _lambda_twin(spec) or _made_from_accepted(spec)  # a Lambda's lost function; a narrow __init__
        if twin is None:
            raise
        return twin
    _adapted_vocabulary(spec.live, layer)
    return layer


def _made_from_accepted(spec: LayerSpec) -> Any:
    """A user's layer whose ``__init__`` takes only some of the keys its config holds (``def __init__(self,
    name=None)`` beside the base config's ``trainable`` and ``dtype``, so ``from_config`` fails): made from the
    keys it accepts, or None when it takes ``**kwargs`` (then ``from_config`` failed for another reason)."""
    import inspect

    try:
        params = inspect.signature(spec.klass.__init__).parameters
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return None
    accepted = {k: v for k, v in copy.deepcopy(spec.config).items() if k in params and k != "self"}
    try:
        return spec.klass(**accepted)
    except Exception:  # noqa: BLE001 - a constructor that needs more than its config holds: no copy
        return None


def _adapted_vocabulary(live: Any, layer: Any) -> None:
    """A lookup layer (TextVectorization, StringLookup, IntegerLookup) keeps the vocabulary ``adapt``
    gave it outside its config: the copy gets the user's layer's vocabulary, or it maps every token
    to nothing and a training step on the copy fails for a reason the user's model does not have."""
    getter, setter = getattr(live, "get_vocabulary", None), getattr(layer, "set_vocabulary", None)
    if getter is None or setter is None:
        return  # not a lookup layer
    try:
        vocabulary = getter(include_special_tokens=False)
    except TypeError:
        vocabulary = getter()
    except Exception:  # noqa: BLE001 - not adapted: the copy is as the user's layer is
        return
    if vocabulary:
        try:
            setter(vocabulary)
        except Exception:  # noqa: BLE001 - the copy stays unadapted, as it was before
            pass


def _any_size(cls: str, config: dict) -> dict:
    """A Sequential made only of layers that keep any shape (a data_augmentation block) was built
    for the size it was first called on; rebuilt without that, it takes the size the replay gives
    it, as it would in the user's program once the input is declared another size."""
    from shapedoctor.graph.layer_kinds import keeps_any_shape

    inner = config.get("layers") if cls == "Sequential" else None
    if not inner or inner[0].get("class_name") != "InputLayer":
        return config
    if keeps_any_shape([layer.get("class_name") for layer in inner[1:]]):
        config["layers"] = inner[1:]
        config.pop("build_input_shape", None)
    return config


def _lambda_twin(spec: LayerSpec) -> Any:
    """A new Lambda calling the user's own function (from the live layer), or None. Also an
    ``Activation`` of the user's own lambda (``Activation(lambda t: t * tanh(softplus(t)))``, a mish),
    whose config names a function it cannot restore."""
    import keras

    live = spec.live
    if isinstance(live, keras.layers.Activation) and type(live) is keras.layers.Activation \
            and callable(getattr(live, "activation", None)):
        return keras.layers.Activation(live.activation)
    if not isinstance(live, keras.layers.Lambda) or not callable(getattr(live, "function", None)):
        return None
    return type(live)(live.function, output_shape=getattr(live, "_output_shape", None),
                      arguments=dict(getattr(live, "arguments", None) or {}))


def propagate(graph: Graph) -> Propagation:
    """Replay *graph* in order; stop at the first call Keras refuses."""
    import keras
    from keras import StatelessScope

    result = Propagation()
    values: dict[str, Any] = {}
    instances: dict[str, Any] = {}
    with _no_deferred_leftovers(), StatelessScope(initialize_variables=False), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for node in graph.nodes:
            if node.kind in ("input", "data"):
                for tid in node.outputs:
                    info = graph.tensors[tid]
                    if info.shape is None:
                        result.unverifiable.append(node.id)
                        return result
                    values[tid] = keras.KerasTensor(info.shape, dtype=info.dtype)
                    result.shapes[tid] = info.shape
                    result.largest = max(result.largest, per_sample(info.shape))
                continue
            if any(tid not in values for tid in node.input_ids()):
                result.unverifiable.append(node.id)
                return result
            fn = _callable_for(node, graph, instances)  # rebuilt lazily, see _LazyLayer
            key = _call_key(node, graph, values)
            flat = _recall(key)
            if flat is not None and node.kind == "layer" and key not in _PARAMS:
                flat = None  # replay it once for real: the size invariant needs its parameter count
            if flat is None:
                args = replace_refs(node.args, lambda ref: values[ref.id])
                kwargs = replace_refs(node.kwargs, lambda ref: values[ref.id])
                try:
                    out = fn(*args, **kwargs)
                except CannotRebuild as exc:  # a layer we cannot rebuild from its config
                    result.unverifiable.append(node.id)
                    result.error = exc.__cause__
                    result.failed_node = node.id
                    return result
                except Exception as exc:  # noqa: BLE001 - Keras refused: that is the answer
                    result.error = exc
                    result.failed_node = node.id
                    return result
                flat = _flatten(out)
                _remember(key, flat)
            for tid, tensor in zip(node.outputs, flat):
                values[tid] = tensor
                result.shapes[tid] = shape_of(tensor)
                result.largest = max(result.largest, per_sample(result.shapes[tid]))
            if node.kind == "layer":
                result.params[node.layer] = _params_of(key, instances[node.layer])
    return result


_PARAMS: dict[tuple, int] = {}  # parameter counts of replayed calls, by the same key as _REPLAYED


def _params_of(key: tuple | None, fn: Any) -> int:
    """The parameter count of a layer call, from the replay or, when memoised, from the memo."""
    layer = getattr(fn, "layer", fn)
    if layer is not None and getattr(layer, "weights", None) is not None:
        count = _count_params(layer)
        if key is not None:
            _PARAMS[key] = count
        return count
    return _PARAMS.get(key, 0) if key is not None else 0


def per_sample(shape: tuple | None) -> int:
    """Values per sample of a tensor of *shape* (batch axis dropped, unknown axes as 1)."""
    import math

    if not shape:
        return 0
    return math.prod(d if isinstance(d, int) and d > 0 else 1 for d in shape[1:])


def _count_params(layer: Any) -> int:
    import math

    try:
        return sum(math.prod(int(d) for d in w.shape) for w in layer.weights)
    except Exception:  # noqa: BLE001 - a layer that cannot say: count nothing
        return 0


@contextlib.contextmanager
def _no_deferred_leftovers():
    """The replay's declared-but-never-allocated variables must not outlive it: Keras keeps them
    in a global list and would allocate them (or fail on them) at the user's next eager build."""
    from shapedoctor.keras_internals import global_state as keras_state

    global_state = keras_state()
    before = list(global_state.get_global_attribute("uninitialized_variables", [], set_to_default=True))
    try:
        yield
    finally:
        global_state.set_global_attribute("uninitialized_variables", before)


def _callable_for(node: Node, graph: Graph, instances: dict[str, Any]):
    if node.kind == "op":
        return node.op
    key = node.layer
    if key not in instances:
        instances[key] = _LazyLayer(graph.layers[key])
    return instances[key]


class _LazyLayer:
    """Rebuilds the layer from its config only when a call is really replayed (not memoised)."""

    def __init__(self, spec: LayerSpec) -> None:
        self.spec, self.layer = spec, None

    def __call__(self, *args, **kwargs):
        if self.layer is None:
            try:
                self.layer = fresh_layer(self.spec)
            except Exception as exc:  # noqa: BLE001
                raise CannotRebuild() from exc
        ran = _text_lookup_run(self.layer, args)
        return ran if ran is not None else self.layer(*args, **kwargs)


def _text_lookup_run(layer: Any, args: tuple) -> Any:
    """A text lookup layer's output on a symbolic string input, from running it (infer/text_lookup.py);
    None for any other call."""
    import keras

    from shapedoctor.infer.text_lookup import text_layer_output

    if len(args) != 1 or not isinstance(args[0], keras.KerasTensor) or str(args[0].dtype) != "string":
        return None
    shape = text_layer_output(layer, tuple(args[0].shape))
    try:
        if shape is None or len(tuple(layer.compute_output_shape(args[0].shape))) == len(shape):
            return None  # Keras's own symbolic answer is right: the call goes its usual way
    except Exception:  # noqa: BLE001 - Keras cannot say symbolically: the run answers
        pass
    mode = getattr(layer, "output_mode", "int")
    return keras.KerasTensor((args[0].shape[0],) + shape[1:], dtype="int64" if mode == "int" else keras.config.floatx())


class CannotRebuild(Exception):
    """A layer of the graph cannot be made again from its config (a custom layer whose
    ``get_config`` is incomplete, a nested model of such layers): the exception it raised is the cause."""


# Replayed calls, by what determines their result: the layer's class and config, and the
# shapes, dtypes and other arguments it received. Verifying a repair replays a copy of the
# whole graph; every call the edit does not reach is then looked up here instead of being
# rebuilt, so a diagnosis costs about one replay, not one per candidate fix.
# Outputs are kept as (shape, dtype, sparse) only, so no replayed layer is kept alive.
_REPLAYED: dict[tuple, list] = {}
_REPLAYED_MAX = 50_000


def _remember(key: tuple | None, flat: list) -> None:
    import keras

    if key is None or not all(isinstance(t, keras.KerasTensor) for t in flat):
        return
    if len(_REPLAYED) >= _REPLAYED_MAX:
        _REPLAYED.clear()
        _PARAMS.clear()
    _REPLAYED[key] = [(t.shape, t.dtype, t.sparse) for t in flat]


def _recall(key: tuple | None) -> list | None:
    import keras

    specs = _REPLAYED.get(key) if key is not None else None
    if specs is None:
        return None
    return [keras.KerasTensor(shape, dtype=dtype, sparse=sparse) for shape, dtype, sparse in specs]


def remember_recorded(graph: Graph) -> None:
    """Seed the memo with the calls the user's program really made (shapes the tracer saw).

    A replay of the unedited graph then reuses Keras's own answers instead of rebuilding
    every layer; only the failing call, the calls after it and what a fix changes are replayed.
    """
    known = {tid: info for tid, info in graph.tensors.items() if info.shape is not None}
    for node in graph.nodes:
        if node.kind != "layer" or not node.outputs or any(t not in known for t in node.outputs):
            continue
        if any(t not in known for t in node.input_ids()):
            continue
        values = {t: _Seen(known[t].shape, known[t].dtype) for t in node.input_ids()}
        key = _call_key(node, graph, values)
        if key is not None and key not in _REPLAYED:
            if len(_REPLAYED) >= _REPLAYED_MAX:
                _REPLAYED.clear()
            _REPLAYED[key] = [(known[t].shape, known[t].dtype, False) for t in node.outputs]


@dataclass
class _Seen:
    """A recorded tensor, described as a replayed KerasTensor would be."""

    shape: tuple
    dtype: str
    sparse: bool = False


def _call_key(node: Node, graph: Graph, values: dict[str, Any]) -> tuple | None:
    if node.kind == "op":
        return None  # keras.ops operations: cheap, and identified by object only
    spec = graph.layers.get(node.layer)
    if spec is None or spec.klass is None:
        return None

    def describe(ref):
        tensor = values[ref.id]
        return ("tensor", tuple(tensor.shape), str(tensor.dtype), bool(getattr(tensor, "sparse", False)))

    try:
        call = repr((replace_refs(node.args, describe), replace_refs(node.kwargs, describe)))
        return (spec.klass, repr(sorted(spec.config.items())), call)
    except Exception:  # noqa: BLE001 - arguments without a stable repr: replay
        return None


def _flatten(out: Any) -> list:
    from keras import tree

    return tree.flatten(out)


def build_model(graph: Graph) -> Any:
    """A real (weight-allocating) Keras model from *graph*, for one verification step on data.

    Only used to verify training-time fixes on a few samples; shape checks use
    :func:`propagate`, which allocates nothing.
    """
    import keras

    values: dict[str, Any] = {}
    instances: dict[str, Any] = {}
    inputs = []
    for node in graph.nodes:
        if node.kind in ("input", "data"):
            # an Input keeps its name: a model fed a dict of arrays finds its inputs by these names
            named = node.kind == "input" and len(node.outputs) == 1 and node.label not in ("", "data")
            for tid in node.outputs:
                info = graph.tensors[tid]
                tensor = keras.Input(batch_shape=(None,) + tuple(info.shape[1:]), dtype=info.dtype,
                                     name=node.label if named else None)
                values[tid] = tensor
                inputs.append(tensor)
            continue
        fn = _callable_for(node, graph, instances)
        args = replace_refs(node.args, lambda ref: values[ref.id])
        kwargs = replace_refs(node.kwargs, lambda ref: values[ref.id])
        out = fn(*args, **kwargs)
        for tid, tensor in zip(node.outputs, _flatten(out)):
            values[tid] = tensor
    outputs = [values[t] for t in graph.outputs]
    return keras.Model(inputs if len(inputs) > 1 else inputs[0], outputs if len(outputs) > 1 else outputs[0])
