"""One description of a model, whatever it was read from.

* :class:`LayerSpec` — a layer as data: class, config, where the user created it.
* :class:`Node` — one call of a layer (a shared layer has several nodes), or a model
  input (``kind="input"``: an ``Input``/InputLayer) or data the model was called with
  (``kind="data"``). Its ``args``/``kwargs`` keep the call's structure with
  :class:`TensorRef` where tensors were, so the call can be replayed.
* :class:`TensorInfo` — an edge: a tensor's shape, dtype and producing node.

The live tracer builds a Graph from a running program (:mod:`shapedoctor.graph.from_trace`);
inference, diagnosis, repair and rendering only ever look at Graphs. Edits for repairs
work on copies (:meth:`Graph.copy`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # annotations only: keeps the graph importable cheaply (explain)
    from shapedoctor.trace.sites import Site


def format_shape(shape: tuple | list | None) -> str:
    """Keras's own notation: ``(None, 1)``, ``(None,)``; ``?`` when unknown."""
    if shape is None:
        return "?"
    shape = tuple(shape)
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ", ".join(str(d) for d in shape) + ")"


@dataclass(frozen=True)
class TensorRef:
    """Placeholder for a tensor inside a node's recorded call arguments."""

    id: str


@dataclass
class LayerSpec:
    key: str  # unique within the graph (the Keras layer name, suffixed if needed)
    cls: str  # class name, e.g. "Dense"
    config: dict  # layer.get_config()
    created: Site | None = None
    klass: Any = field(default=None, repr=False, compare=False)  # class object, for rebuilding
    live: Any = field(default=None, repr=False, compare=False)  # the user's own layer object
    inserted: bool = False  # added by a repair, not in the user's model

    @property
    def name(self) -> str:
        return self.config.get("name", self.key)


@dataclass
class Node:
    id: str
    kind: str  # "layer" | "op" | "input" | "data"
    layer: str | None  # LayerSpec key for "layer"/"input" nodes
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    called: Site | None = None
    op: Any = field(default=None, repr=False, compare=False)  # keras Operation for "op" nodes
    label: str = ""  # display name for op/data nodes

    def input_ids(self) -> list[str]:
        return [ref.id for ref in _iter_refs((self.args, self.kwargs))]


@dataclass
class TensorInfo:
    id: str
    shape: tuple | None
    dtype: str = "float32"
    producer: str | None = None  # node id


@dataclass
class Graph:
    layers: dict[str, LayerSpec] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)  # topological order
    tensors: dict[str, TensorInfo] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    model_name: str | None = None
    source: str = "trace"  # "trace" | "saved" | "static"
    # Sizes the user's module names at the failure ({"num_classes": 10, "len(chars)": 27}; trace/scope.py):
    # code generation may write a new size as the user's own name for it.
    named_sizes: dict[str, int] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------------
    def node(self, node_id: str) -> Node:
        # An id -> position index, checked on every hit and rebuilt when the list changed, so
        # lookups stay O(1) on a 10,000-layer graph (walking a path was quadratic).
        index = self.__dict__.get("_index") or {}
        i = index.get(node_id)
        if i is None or i >= len(self.nodes) or self.nodes[i].id != node_id:
            index = {}
            for pos, n in enumerate(self.nodes):
                index.setdefault(n.id, pos)
            self.__dict__["_index"] = index
            i = index.get(node_id)
            if i is None:
                raise KeyError(node_id)
        return self.nodes[i]

    def producer(self, tensor_id: str) -> Node | None:
        info = self.tensors.get(tensor_id)
        return self.node(info.producer) if info and info.producer else None

    def consumers(self, tensor_id: str) -> list[Node]:
        return [n for n in self.nodes if tensor_id in n.input_ids()]

    def spec(self, node: Node) -> LayerSpec | None:
        return self.layers.get(node.layer) if node.layer else None

    def nodes_of_layer(self, key: str) -> list[Node]:
        return [n for n in self.nodes if n.layer == key]

    def upstream(self, node: Node) -> Iterator[Node]:
        """Producers of *node*'s first input, nearest first (a single chain)."""
        current = node
        while True:
            ids = current.input_ids()
            if not ids:
                return
            prod = self.producer(ids[0])
            if prod is None:
                return
            yield prod
            current = prod

    def path_to(self, node: Node) -> list[Node]:
        """Nodes from the model input to *node* along first inputs, input first."""
        return list(reversed(list(self.upstream(node)))) + [node]

    def downstream_chain(self, node: Node) -> list[Node]:
        """Nodes after *node* following its first consumer, nearest first."""
        out, current = [], node
        while current.outputs:
            cons = self.consumers(current.outputs[0])
            if not cons:
                break
            current = cons[0]
            out.append(current)
        return out

    # -- editing -------------------------------------------------------------------------
    def copy(self) -> "Graph":
        """A deep copy of the data; live Keras objects are shared, never copied."""
        new = Graph(model_name=self.model_name, source=self.source, named_sizes=dict(self.named_sizes))
        for key, spec in self.layers.items():
            new.layers[key] = LayerSpec(
                spec.key, spec.cls, copy.deepcopy(spec.config), spec.created, spec.klass, spec.live, spec.inserted
            )
        for n in self.nodes:
            new.nodes.append(
                Node(n.id, n.kind, n.layer, n.args, dict(n.kwargs), list(n.outputs), n.called, n.op, n.label)
            )
        new.tensors = {k: TensorInfo(v.id, v.shape, v.dtype, v.producer) for k, v in self.tensors.items()}
        new.outputs = list(self.outputs)
        return new

    def new_tensor_id(self) -> str:
        i = len(self.tensors)
        while f"t{i}" in self.tensors:
            i += 1
        return f"t{i}"

    def new_key(self, base: str) -> str:
        key, i = base, 1
        existing = set(self.layers) | {n.id for n in self.nodes}
        while key in existing:
            i += 1
            key = f"{base}_{i}"
        return key


def _iter_refs(obj: Any) -> Iterator[TensorRef]:
    if isinstance(obj, TensorRef):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _iter_refs(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _iter_refs(item)


def replace_refs(obj: Any, fn) -> Any:
    """Rebuild *obj* with every TensorRef replaced by ``fn(ref)``."""
    if isinstance(obj, TensorRef):
        return fn(obj)
    if isinstance(obj, list):
        return [replace_refs(x, fn) for x in obj]
    if isinstance(obj, tuple):
        return tuple(replace_refs(x, fn) for x in obj)
    if isinstance(obj, dict):
        return {k: replace_refs(v, fn) for k, v in obj.items()}
    return obj
