"""Edits of a Graph that a repair is made of: each one small, each one applied to a copy.

An edit knows how to change the graph (``apply``) and how to describe itself; the code a
user should write for it comes from :mod:`shapedoctor.repair.codegen`.
"""

from __future__ import annotations

import inspect

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from shapedoctor.graph.model import Graph, LayerSpec, Node, TensorInfo, TensorRef, format_shape, replace_refs

if TYPE_CHECKING:  # annotations only: keeps the graph importable cheaply (explain)
    from shapedoctor.trace.sites import Site


def layer_class(cls: str) -> Any:
    import keras

    return getattr(keras.layers, cls)


def call_repr(cls: str, args: tuple = (), kwargs: dict | None = None) -> str:
    """``RepeatVector(64)``, ``Reshape((10, 1))``: how the layer call is written."""
    parts = [_py(a) for a in args] + [f"{k}={_py(v)}" for k, v in (kwargs or {}).items()]
    return f"{cls}({', '.join(parts)})"


def _py(value: Any) -> str:
    if isinstance(value, tuple):
        return format_shape(value) if value else "()"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


@dataclass
class SetConfig:
    """Change config values of an existing layer (``units=64``, ``padding="same"``)."""

    layer: str  # LayerSpec key
    changes: dict

    def apply(self, graph: Graph) -> None:
        graph.layers[self.layer].config.update(self.changes)

    def describe(self, graph: Graph) -> str:
        spec = graph.layers[self.layer]
        what = ", ".join(f"{k}={_py(v)}" for k, v in self.changes.items())
        return f"set {what} on {spec.name} ({spec.cls})"


def _new_layer_node(graph: Graph, cls: str, args: tuple, kwargs: dict, src: str) -> tuple[Node, str]:
    """A new layer *cls* registered in *graph* and its node reading tensor *src* (not yet placed):
    (the node, its output tensor id)."""
    klass = layer_class(cls)
    instance = klass(*args, **kwargs)
    key = graph.new_key(instance.name)
    graph.layers[key] = LayerSpec(key, cls, instance.get_config(), None, klass, None, inserted=True)
    new_t = graph.new_tensor_id()
    graph.tensors[new_t] = TensorInfo(new_t, None, graph.tensors[src].dtype, key)
    return Node(key, "layer", key, (TensorRef(src),), {}, [new_t]), new_t


@dataclass
class InsertLayer:
    """Insert a new layer on one input edge of *before* (default: its first input)."""

    before: str  # node id
    cls: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    input_index: int = 0
    like: str | None = None  # a layer of the graph this one copies (same class and config): written as its call is

    def apply(self, graph: Graph) -> None:
        target = graph.node(self.before)
        src = target.input_ids()[self.input_index]
        node, new_t = _new_layer_node(graph, self.cls, self.args, self.kwargs, src)
        # Replace only the input_index-th occurrence of src in the target's inputs.
        seen = {"n": -1}

        def swap_nth(ref: TensorRef):
            seen["n"] += 1
            return TensorRef(new_t) if seen["n"] == self.input_index else ref

        target.args = replace_refs(target.args, swap_nth)
        if seen["n"] < self.input_index:
            target.kwargs = replace_refs(target.kwargs, swap_nth)
        graph.nodes.insert(graph.nodes.index(target), node)

    def describe(self, graph: Graph) -> str:
        target = graph.node(self.before)
        return f"insert {call_repr(self.cls, self.args, self.kwargs)} before {_node_name(graph, target)}"

    @property
    def code(self) -> str:
        return call_repr(self.cls, self.args, self.kwargs)


@dataclass
class AppendLayer:
    """Call a new layer on the output of *after* (a model's last layer): every reader of that
    output, the model's outputs included, reads the new layer's instead."""

    after: str  # node id
    cls: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)

    def apply(self, graph: Graph) -> None:
        target = graph.node(self.after)
        src = target.outputs[0]
        node, new_t = _new_layer_node(graph, self.cls, self.args, self.kwargs, src)
        for n in graph.nodes:
            n.args = replace_refs(n.args, lambda r: TensorRef(new_t) if r.id == src else r)
            n.kwargs = replace_refs(n.kwargs, lambda r: TensorRef(new_t) if r.id == src else r)
        graph.outputs = [new_t if t == src else t for t in graph.outputs]
        graph.nodes.insert(graph.nodes.index(target) + 1, node)

    def describe(self, graph: Graph) -> str:
        return f"append {call_repr(self.cls, self.args, self.kwargs)} after {_node_name(graph, graph.node(self.after))}"

    @property
    def code(self) -> str:
        return call_repr(self.cls, self.args, self.kwargs)


@dataclass
class RemoveNode:
    """Remove a one-input, one-output layer call, connecting its input to its consumers."""

    node: str

    def apply(self, graph: Graph) -> None:
        target = graph.node(self.node)
        src, dst = target.input_ids()[0], target.outputs[0]
        for n in graph.nodes:
            n.args = replace_refs(n.args, lambda r: TensorRef(src) if r.id == dst else r)
            n.kwargs = replace_refs(n.kwargs, lambda r: TensorRef(src) if r.id == dst else r)
        graph.outputs = [src if t == dst else t for t in graph.outputs]
        graph.nodes.remove(target)

    def describe(self, graph: Graph) -> str:
        return f"remove {_node_name(graph, graph.node(self.node))}"


@dataclass
class ReplaceLayer:
    """Call a different (new) layer at *node* instead of the user's."""

    node: str
    cls: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    copy_of_original: bool = False  # a fresh copy of the user's layer (same constructor call)
    unwrap: bool = False  # the layer a wrapper (TimeDistributed, Bidirectional) holds, called alone
    renamed: bool = False  # the user's own call with another class (Conv2D -> Conv1D); kwargs: its full config
    wrap: bool = False  # the user's own layer inside the wrapper *cls* (Conv2D -> TimeDistributed(Conv2D))

    def apply(self, graph: Graph) -> None:
        node = graph.node(self.node)
        if self.wrap:
            old = graph.layers[node.layer]
            inner = old.klass.from_config(dict(old.config))
            klass = layer_class(self.cls)
            key = graph.new_key(old.key + "_" + self.cls.lower())
            instance = klass(inner, name=key)
            graph.layers[key] = LayerSpec(key, self.cls, instance.get_config(), None, klass, None, inserted=True)
            node.layer = key
            return
        if self.renamed:
            old = graph.layers[node.layer]
            klass = layer_class(self.cls)
            key = graph.new_key(old.key + "_" + self.cls.lower())
            instance = klass.from_config(dict(self.kwargs, name=key))
            graph.layers[key] = LayerSpec(key, self.cls, instance.get_config(), None, klass, None, inserted=True)
            node.layer = key
            return
        if self.unwrap:
            inner = graph.layers[node.layer].config["layer"]
            klass = layer_class(inner["class_name"])
            config = dict(inner["config"])
            key = graph.new_key(config.get("name", inner["class_name"].lower()) + "_unwrapped")
            config["name"] = key
            graph.layers[key] = LayerSpec(key, inner["class_name"], config, None, klass, None, inserted=True)
            node.layer = key
            accepted = inspect.signature(klass.call).parameters
            node.kwargs = {k: v for k, v in node.kwargs.items() if k in accepted}  # e.g. the wrapper's mask=
            return
        if self.copy_of_original:
            old = graph.layers[node.layer]
            key = graph.new_key(old.key + "_copy")
            config = dict(old.config, name=key)
            graph.layers[key] = LayerSpec(key, old.cls, config, None, old.klass, None, inserted=True)
            node.layer = key
            return
        klass = layer_class(self.cls)
        instance = klass(*self.args, **self.kwargs)
        key = graph.new_key(instance.name)
        graph.layers[key] = LayerSpec(key, self.cls, instance.get_config(), None, klass, None, inserted=True)
        node.layer = key

    def describe(self, graph: Graph) -> str:
        if self.wrap:
            return f"wrap {_node_name(graph, graph.node(self.node))} in {self.cls}"
        if self.renamed:
            return f"use {self.cls} instead of {_node_name(graph, graph.node(self.node))} (same arguments)"
        if self.unwrap:
            return f"call the layer {_node_name(graph, graph.node(self.node))} wraps on its own"
        return f"use {call_repr(self.cls, self.args, self.kwargs)} instead of {_node_name(graph, graph.node(self.node))}"

    @property
    def code(self) -> str:
        return f"{self.cls}(...)" if self.renamed or self.wrap else call_repr(self.cls, self.args, self.kwargs)


@dataclass
class SetShape:
    """Give an input (``Input(shape=...)``) or the data another shape (batch axis included)."""

    node: str
    shape: tuple
    how: str = ""  # for data: the numpy expression, e.g. "np.expand_dims(x, -1)"
    written_as: str = ""  # for an input: the user's expression for the shape, e.g. "X_train.shape[1:]"
    # For an input whose sizes are a name the script binds once (`image_size = 60`): the new binding,
    # written where the name is bound so the data made with the name follows (a SourceRebinding).
    rebind: object = None

    def apply(self, graph: Graph) -> None:
        node = graph.node(self.node)
        graph.tensors[node.outputs[0]].shape = tuple(self.shape)
        if node.kind == "input" and node.layer:
            graph.layers[node.layer].config["batch_shape"] = tuple(self.shape)

    def describe(self, graph: Graph) -> str:
        node = graph.node(self.node)
        if node.kind == "data":
            return f"reshape the data to {format_shape(self.shape)}"
        return f"declare the input as shape={format_shape(tuple(self.shape[1:]))}"


def _node_name(graph: Graph, node: Node) -> str:
    spec = graph.spec(node)
    if spec is None:
        return node.label or node.id
    return f"{spec.name} ({spec.cls})"



@dataclass
class DataTransform:
    """Transform the data the model is called with; the model itself is left unchanged.

    Only generated when the transformed shape matches the model's declared input, so the
    replay of the unchanged model is the verification.
    """

    how: str  # numpy expression with {x} for the data variable, e.g. "np.expand_dims({x}, 0)"
    shape: tuple  # the data's shape after the transform
    site: Site | None = None  # where the model is called with the data
    node: str | None = None  # a data node of the graph to reshape (models built from their data)
    before: tuple | None = None  # the data's shape before the transform (for the samples invariant)
    # (file, line, variable): transform the array where the input declaration reads its shape, by a
    # statement inserted before that line (``X = np.expand_dims(X, -1)`` above ``input_shape=X.shape[1:]``)
    read_at: tuple | None = None
    # An array the script made in the old layout of an input whose declaration the fix changes: a
    # statement inserted after the one that made it (repair/data_follows.py MadeAt).
    made_at: Any = None
    # The number of labels the data is trained against (fit/evaluate), for the x<->y pairing invariant.
    labels: int | None = None
    # (file, line, start col, end col, new text, code): a rewrite of the line that made the data
    # (diagnosis/data_origin.py), instead of a statement written before the call.
    line_edit: tuple | None = None
    # The whole array's shape after the transform when *shape* is one batch's (a model built from the
    # first batch fit gave it): the samples and pairing invariants are judged on the whole array.
    whole: tuple | None = None

    def apply(self, graph: Graph) -> None:
        if self.node is not None:
            SetShape(self.node, self.shape).apply(graph)

    def describe(self, graph: Graph) -> str:
        return f"reshape the data to {format_shape(self.shape)}"


Edit = SetConfig | InsertLayer | RemoveNode | ReplaceLayer | SetShape | DataTransform
