"""Build a :class:`~shapedoctor.graph.model.Graph` from what the live tracer recorded.

Starting at the failing call (or at a model's outputs), walk every input tensor back to
its producer: symbolic tensors through Keras's own ``_keras_history`` (the functional
graph Keras already keeps), eager tensors through the recorder's call records. A tensor
with no producer is a model ``Input`` (when Keras says so) or data the user passed in.
Layers of a Sequential model that come after the failing layer are appended, so repairs
can be verified all the way to the model's output.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.graph.model import Graph, LayerSpec, Node, TensorInfo, TensorRef
from shapedoctor.infer.propagate import remember_recorded
from shapedoctor.trace.recorder import CallRecord, Failure, Recorder, shape_of
from shapedoctor.trace.sites import Site


def _dtype_of(x: Any) -> str:
    dtype = getattr(x, "dtype", None)
    if dtype is None:
        return "float32"
    name = getattr(dtype, "name", None) or str(dtype)
    return str(name).replace("tf.", "").replace("torch.", "")


def _is_tensor_like(x: Any) -> bool:
    return shape_of(x) is not None and hasattr(x, "dtype")


class GraphBuilder:
    def __init__(self, recorder: Recorder, data_site: Site | None, inline: bool = False) -> None:
        self.recorder = recorder
        self.inline = inline  # a Sequential called inside the model: its layers, one node each
        self.graph = Graph()
        self.memo: dict[int, str] = {}  # id(tensor object) -> tensor id
        self.layer_keys: dict[int, str] = {}  # id(layer object) -> LayerSpec key
        self.keras_nodes: dict[int, str] = {}  # id(keras Node / CallRecord) -> node id
        self.data_site = data_site
        self._keep: list[Any] = []
        self._ordering = False  # inside _build_inputs_first
        self._taken: set[str] = set()  # node ids in graph.nodes[:_counted]
        self._counted = 0

    # -- layers --------------------------------------------------------------------------
    def layer_spec(self, layer: Any) -> str:
        key = self.layer_keys.get(id(layer))
        if key is not None:
            return key
        key = self.graph.new_key(layer.name)
        try:
            config = layer.get_config()
        except Exception:  # noqa: BLE001 - custom layers without get_config
            config = {"name": layer.name}
        site = self.recorder.creation_site(layer)
        self.graph.layers[key] = LayerSpec(key, type(layer).__name__, config, site, type(layer), layer)
        self.layer_keys[id(layer)] = key
        return key

    # -- tensors -------------------------------------------------------------------------
    def tensor(self, obj: Any) -> str:
        tid = self.memo.get(id(obj))
        if tid is not None:
            return tid
        if not self._ordering:
            self._build_inputs_first(obj)
        self._keep.append(obj)
        history = getattr(obj, "_keras_history", None)
        if history is not None:
            tid = self._from_history(obj, history)
        else:
            record = self.recorder.producer_of(obj)
            tid = self._from_record(obj, record) if record is not None else self._data(obj)
        self.memo[id(obj)] = tid
        return tid

    def _build_inputs_first(self, obj: Any) -> None:
        """Add the producers of *obj*'s ancestors oldest first, without recursion.

        Walking back tensor by tensor would recurse once per layer (a RecursionError past
        ~1,000 layers); this walks the graph with an explicit stack, then adds each tensor
        after its inputs, so every ``tensor()`` call finds its inputs already built.
        """
        order, seen, stack = [], {id(obj)}, [(obj, False)]
        while stack:
            item, expanded = stack.pop()
            if expanded:
                order.append(item)
                continue
            stack.append((item, True))
            for parent in self._inputs_of(item):
                if id(parent) not in seen and id(parent) not in self.memo:
                    seen.add(id(parent))
                    stack.append((parent, False))
        self._ordering = True
        try:
            for item in order[:-1]:  # the last one is obj itself, built by the caller
                self.tensor(item)
        finally:
            self._ordering = False

    def _inputs_of(self, obj: Any) -> list:
        from keras import tree

        history = getattr(obj, "_keras_history", None)
        if history is not None:
            nodes = getattr(history.operation, "_inbound_nodes", None) if history.operation is not None else None
            if not nodes or history.node_index >= len(nodes):
                return []
            arguments = nodes[history.node_index].arguments
            found = (arguments.args, arguments.kwargs)
        else:
            record = self.recorder.producer_of(obj)
            if record is None:
                return []
            found = (record.args, record.kwargs)
        return [t for t in tree.flatten(found) if _is_tensor_like(t)]

    def _new_tensor(self, obj: Any, producer: str | None) -> str:
        tid = self.graph.new_tensor_id()
        self.graph.tensors[tid] = TensorInfo(tid, shape_of(obj), _dtype_of(obj), producer)
        self.memo[id(obj)] = tid
        return tid

    def _data(self, obj: Any) -> str:
        node_id = self.graph.new_key("data")
        tid = self._new_tensor(obj, node_id)
        self.graph.nodes.append(Node(node_id, "data", None, outputs=[tid], called=self.data_site, label="data"))
        return tid

    def _from_history(self, obj: Any, history: Any) -> str:
        from keras.layers import InputLayer

        op, node_index, tensor_index = history.operation, history.node_index, history.tensor_index
        nodes = getattr(op, "_inbound_nodes", None) if op is not None else None
        if not nodes or node_index >= len(nodes):
            # Keras dropped the history (e.g. a model rebuilt after the failure): treat it as data.
            return self._data(obj)
        knode = nodes[node_index]
        node_id = self.keras_nodes.get(id(knode))
        if node_id is None:
            if isinstance(op, InputLayer):
                key = self.layer_spec(op)
                node_id = self._node_id(key)
                auto = id(op) in self.recorder.auto_inputs
                node = Node(node_id, "data" if auto else "input", key,
                            called=self.graph.layers[key].created, label="data" if auto else op.name)
            elif self.inline and _inlinable(op, knode):
                node_id = self._inline_sequential(op, knode)
                self.keras_nodes[id(knode)] = node_id
                return self.memo.get(id(obj)) or self.memo[id(knode.outputs[tensor_index])]
            else:
                args = self.convert(knode.arguments.args)
                kwargs = self.convert(knode.arguments.kwargs)
                record = self._record_for_outputs(knode.outputs)
                called = record.site if record is not None else None
                if hasattr(op, "get_config") and hasattr(op, "built"):  # a Layer
                    key = self.layer_spec(op)
                    node_id = self._node_id(key)
                    node = Node(node_id, "layer", key, args, kwargs, called=called)
                else:  # a keras.ops operation used in a functional graph
                    node_id = self.graph.new_key(getattr(op, "name", type(op).__name__))
                    node = Node(node_id, "op", None, args, kwargs, called=called, op=op, label=type(op).__name__)
            for out in knode.outputs:
                self._new_tensor(out, node_id)
                node.outputs.append(self.memo[id(out)])
            self.graph.nodes.append(node)
            self.keras_nodes[id(knode)] = node_id
        return self.memo.get(id(obj)) or self.memo[id(knode.outputs[tensor_index])]

    def _inline_sequential(self, seq: Any, knode: Any) -> str:
        """A nested Sequential's layers as nodes of this graph, one after another, from the tensor
        the Sequential was called on to the tensor it returned; the id of the last node."""
        tid = self.tensor(knode.arguments.args[0])
        inner = list(seq.layers)
        node_id = ""
        for k, layer in enumerate(inner):
            key = self.layer_spec(layer)
            node_id = self._node_id(key)
            node = Node(node_id, "layer", key, (TensorRef(tid),), {}, called=self.graph.layers[key].created)
            self.graph.nodes.append(node)
            if k == len(inner) - 1:
                out = knode.outputs[0]
                tid = self._new_tensor(out, node_id)
            else:
                tid = self.graph.new_tensor_id()
                try:
                    made = layer.output  # in the Sequential's own graph
                except (AttributeError, ValueError):
                    made = None
                self.graph.tensors[tid] = TensorInfo(tid, shape_of(made), _dtype_of(made), node_id)
            node.outputs.append(tid)
        return node_id

    def _record_for_outputs(self, outputs: list) -> CallRecord | None:
        for out in outputs:
            rec = self.recorder.producer_of(out)
            if rec is not None:
                return rec
        return None

    def _from_record(self, obj: Any, record: CallRecord) -> str:
        from keras import tree

        node_id = self.keras_nodes.get(id(record))
        if node_id is None:
            node_id = self.add_call(record)
            for out in tree.flatten(record.outputs):
                if _is_tensor_like(out) and id(out) not in self.memo:
                    self._new_tensor(out, node_id)
                    self.graph.node(node_id).outputs.append(self.memo[id(out)])
        return self.memo[id(obj)]

    def _node_id(self, key: str) -> str:
        nodes = self.graph.nodes
        if len(nodes) < self._counted:  # nodes were removed: count again
            self._taken, self._counted = set(), 0
        self._taken.update(n.id for n in nodes[self._counted:])  # only the ones added since last time
        self._counted = len(nodes)
        taken = self._taken
        if key not in taken:
            return key
        i = 2
        while f"{key}#{i}" in taken:
            i += 1
        return f"{key}#{i}"

    def convert(self, obj: Any) -> Any:
        if isinstance(obj, (list, tuple)):
            items = [self.convert(x) for x in obj]
            return items if isinstance(obj, list) else tuple(items)
        if isinstance(obj, dict):
            return {k: self.convert(v) for k, v in obj.items()}
        if _is_tensor_like(obj):
            return TensorRef(self.tensor(obj))
        return obj

    def add_call(self, record: CallRecord) -> str:
        """Add a node for *record* (inputs first); returns its id."""
        args = self.convert(record.args)
        kwargs = self.convert(record.kwargs)
        key = self.layer_spec(record.layer)
        node_id = self._node_id(key)
        self.graph.nodes.append(Node(node_id, "layer", key, args, kwargs, called=record.site))
        self.keras_nodes[id(record)] = node_id
        return node_id


def graph_from_failure(recorder: Recorder, failure: Failure) -> tuple[Graph, str]:
    """The graph up to and including the failing call (plus Sequential layers after it).

    Returns the graph and the id of the consumer node (the call that raised).
    """
    top = failure.stack[0] if failure.stack else failure.call
    builder = GraphBuilder(recorder, top.site)
    consumer_id = builder.add_call(failure.call)
    graph = builder.graph
    # The consumer's outputs are unknown (it failed): one placeholder tensor.
    out = graph.new_tensor_id()
    graph.tensors[out] = TensorInfo(out, None, "float32", consumer_id)
    graph.node(consumer_id).outputs.append(out)
    graph.outputs = [out]
    seq = failure.sequential
    if seq is not None:
        graph.model_name = seq.name
        layers = list(getattr(seq, "_layers", []))
        if failure.call.layer in layers:
            for layer in layers[layers.index(failure.call.layer) + 1 :]:
                key = builder.layer_spec(layer)
                node_id = builder._node_id(key)
                nxt = graph.new_tensor_id()
                graph.tensors[nxt] = TensorInfo(nxt, None, "float32", node_id)
                graph.nodes.append(Node(node_id, "layer", key, (TensorRef(out),), {}, [nxt], called=None))
                out = nxt
            graph.outputs = [out]
    _fix_input_sites(graph)
    remember_recorded(graph)
    return graph, consumer_id


def _inlinable(op: Any, knode: Any) -> bool:
    """A built Sequential model called inside another on one tensor, with no other argument."""
    from keras import Sequential

    arguments = knode.arguments
    extra = {k: v for k, v in arguments.kwargs.items() if v is not None}  # Keras passes mask=None
    return (isinstance(op, Sequential) and op.built and len(op.layers) > 0 and len(arguments.args) == 1
            and not extra and len(knode.outputs) == 1 and _is_tensor_like(arguments.args[0]))


def graph_from_model(recorder: Recorder, model, data_site: Site | None = None, inline: bool = False) -> Graph:
    """The graph of a built functional or Sequential model, from its symbolic outputs.

    With *inline*, a Sequential model called inside it (an encoder, a decoder block) is read as its
    layers, so an edit can reach a layer inside it; the rebuilt model computes the same function.
    """
    builder = GraphBuilder(recorder, data_site, inline)
    outputs = model.outputs
    graph = builder.graph
    graph.model_name = model.name
    graph.outputs = [builder.tensor(o) for o in outputs]
    _inputs_in_model_order(graph, [builder.memo.get(id(t)) for t in getattr(model, "inputs", None) or []])
    _fix_input_sites(graph)
    remember_recorded(graph)
    return graph


def _inputs_in_model_order(graph: Graph, order: list) -> None:
    """Input nodes first, in the order of ``model.inputs`` (a rebuilt model takes its data in that
    order; the walk from the outputs meets the inputs in whatever order the layers use them)."""
    rank = {tid: i for i, tid in enumerate(order) if tid is not None}
    inputs = [n for n in graph.nodes if n.kind == "input" and n.outputs and n.outputs[0] in rank]
    if len(inputs) < 2:
        return
    inputs.sort(key=lambda n: rank[n.outputs[0]])
    moved = {id(n) for n in inputs}
    graph.nodes[:] = inputs + [n for n in graph.nodes if id(n) not in moved]


def _fix_input_sites(graph: Graph) -> None:
    """An InputLayer made from a first layer's ``input_shape=`` points at that layer's line."""
    for node in graph.nodes:
        if node.kind != "input":
            continue
        spec = graph.layers[node.layer]
        for cons in graph.consumers(node.outputs[0]):
            cspec = graph.spec(cons)
            live = cspec.live if cspec else None
            if live is not None and getattr(live, "_input_shape_arg", None) is not None and cspec.created:
                spec.created = cspec.created
                node.called = cspec.created
