"""Turn a :class:`~shapedoctor.graph.model.Graph` and the shapes of its replay into a GraphView.

The engine already holds everything the picture needs: the graph of layer calls, the shape
of every tensor that Keras computed (the replay), the culprit and the consumer. This module
only converts it to plain report data (:mod:`shapedoctor.report.graphview`): a node per
layer call with its key config and source line, an edge per tensor with its shape, and the
roles (culprit, consumer, the path between them, layers not reached). For a fix, the same
conversion of the edited graph and its verified replay shows the model as it will be.
"""

from __future__ import annotations

from typing import Any, Iterable

from shapedoctor.graph.model import Graph, Node, format_shape
from shapedoctor.report.graphview import GraphView, ViewEdge, ViewNode

# Config keys worth showing in a box, in this order (only those a layer has and that say something).
_KEYS = ("units", "filters", "kernel_size", "strides", "pool_size", "padding", "target_shape", "dims", "n",
         "return_sequences", "axis", "rate", "output_dim", "input_dim", "cropping", "size", "num_heads",
         "key_dim", "activation")
_DEFAULTS = {"activation": "linear", "padding": "valid", "strides": (1, 1), "return_sequences": False}


def config_detail(cls: str, config: dict) -> str:
    """``units=64, activation=relu``: the config values that shape a layer's output."""
    parts = []
    for key in _KEYS:
        if key not in config:
            continue
        value = config[key]
        if value is None or value == _DEFAULTS.get(key) or (key == "strides" and value in ((1,), 1, [1, 1])):
            continue
        if isinstance(value, list):
            value = tuple(value)
        parts.append(f"{key}={value}")
    if cls == "InputLayer":
        shape = config.get("batch_shape") or config.get("batch_input_shape")
        if shape is not None:
            parts.append(f"shape={format_shape(tuple(shape)[1:])}")
    return ", ".join(parts)


def view_of(graph: Graph, shapes: dict[str, Any] | None = None, *, culprit: Node | None = None,
            consumer: Node | None = None, changed: Iterable[str] = (), title: str | None = None,
            depth: int = 0) -> GraphView:
    """The picture of *graph*; *shapes* are the replayed tensor shapes (tensor id -> shape).

    Nodes of *consumer* and *culprit* get their roles, the nodes between them ``path``, and
    nodes whose inputs were never computed ``unreached``. *changed* names layer keys a fix
    edited (inserted layers are recognised by ``LayerSpec.inserted``).
    """
    shapes = shapes or {}
    changed = set(changed)
    known = {tid for tid, s in shapes.items() if s is not None}
    known |= {tid for tid, info in graph.tensors.items() if info.shape is not None and tid not in shapes}
    view = GraphView(title=title or graph.model_name or "model")
    path_ids = _between(graph, culprit, consumer)
    reached_consumer = False
    for node in graph.nodes:
        spec = graph.spec(node)
        site = (spec.created if spec is not None and spec.created is not None else node.called)
        if node.kind == "data":
            label, cls = "data", "data"
        elif spec is not None:
            label, cls = spec.name, ("InputLayer" if node.kind == "input" else spec.cls)
        else:
            label, cls = node.label or node.id, node.label or node.kind
        out = node.outputs[0] if node.outputs else None
        shape_value = shapes.get(out) if out in shapes else (graph.tensors[out].shape if out else None)
        if consumer is not None and node.id == consumer.id:
            role, shape = "consumer", "✗ refused its input"
            reached_consumer = True
        else:
            role = ""
            shape = format_shape(shape_value) if shape_value is not None else ""
            if culprit is not None and node.id == culprit.id:
                role = "culprit"
            elif spec is not None and spec.inserted:
                role = "inserted"
            elif node.layer in changed:
                role = "changed"
            elif node.id in path_ids:
                role = "path"
            elif node.kind == "data":
                role = "data"
            elif reached_consumer or (out is not None and out not in known and node.kind == "layer"):
                role = "unreached"
                shape = "not reached"
        detail = config_detail(cls, spec.config) if spec else ""
        inner = _nested(spec.live, depth + 1) if spec is not None and depth < 3 else None
        if inner is not None:
            view.inner[node.id] = inner
            detail = f"nested model, {len(inner.nodes)} layers (drawn below)"
        view.nodes.append(ViewNode(node.id, label, cls, detail, shape,
                                   site.file if site else None, site.line if site else None, role=role))
        for tid in dict.fromkeys(node.input_ids()):
            info = graph.tensors.get(tid)
            if info is None or info.producer is None:
                continue
            value = shapes.get(tid, info.shape)
            view.edges.append(ViewEdge(info.producer, node.id, format_shape(value) if value is not None else ""))
    return view


def _nested(live: Any, depth: int = 1) -> GraphView | None:
    """The picture of a nested functional/Sequential model used as a layer (None for plain layers)."""
    if live is None or not hasattr(live, "layers") or not getattr(live, "built", False):
        return None
    from shapedoctor.graph.from_trace import graph_from_model
    from shapedoctor.trace import recorder as _recorder

    try:
        if not getattr(live, "outputs", None):
            return None
        graph = graph_from_model(_recorder.CURRENT or _recorder.Recorder(), live)
    except Exception:  # noqa: BLE001 - a subclassed model has no symbolic graph: it stays one box
        return None
    return view_of(graph, title=live.name, depth=depth)


def _between(graph: Graph, culprit: Node | None, consumer: Node | None) -> set[str]:
    """Ids of the nodes on the data path from *culprit* to *consumer* (both excluded)."""
    if culprit is None or consumer is None:
        return set()
    down: dict[str, set[str]] = {}
    for node in graph.nodes:
        for tid in node.input_ids():
            info = graph.tensors.get(tid)
            if info is not None and info.producer is not None:
                down.setdefault(info.producer, set()).add(node.id)
    up: dict[str, set[str]] = {}
    for src, dsts in down.items():
        for dst in dsts:
            up.setdefault(dst, set()).add(src)
    # Nodes reachable from the culprit that can also reach the consumer.
    reach, back = _reachable(culprit.id, down), _reachable(consumer.id, up)
    return (reach & back) - {culprit.id, consumer.id}


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    """Every id reachable from *start* along *edges* (start itself excluded unless on a cycle)."""
    seen, stack = set(), [start]
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def add_training_inputs(view: GraphView, call: dict, culprit_kind: str | None = None,
                        failed: bool = False) -> GraphView:
    """Draw a training call's data, labels and loss around the model (from the call summary).

    *call* is one entry of ``Diagnosis.training_calls``; *culprit_kind* (``data``, ``labels``
    or ``loss``) marks the root cause; *failed* marks the loss (the call) as the failing step.
    """
    inputs = [n for n in view.nodes if n.cls == "InputLayer" or n.cls == "data"]
    outputs = _sinks(view)
    where = {"file": call.get("file"), "line": call.get("line")}
    x = call.get("x")
    if x is not None and inputs:
        xs = x if isinstance(x, list) else [x]
        for i, (node, shape) in enumerate(zip(inputs, xs)):
            vid = f"__x{i}"
            view.nodes.insert(0, ViewNode(vid, "x", "data", f"{call.get('method', 'fit')} argument", str(shape),
                                          role="culprit" if culprit_kind == "data" else "data", **where))
            view.edges.append(ViewEdge(vid, node.id, str(shape)))
    y, loss = call.get("y"), call.get("loss")
    if y is None and loss is None:
        return view
    ys = y if isinstance(y, list) else [y]
    losses = loss if isinstance(loss, list) else [loss]
    for i, out in enumerate(outputs):
        lid = f"__loss{i}"
        name = losses[i] if i < len(losses) else (losses[0] if losses else None)
        role = "culprit" if culprit_kind == "loss" else ("consumer" if failed else "loss")
        view.nodes.append(ViewNode(lid, str(name or "loss"), "loss", "compares labels with the output",
                                   "✗ shapes disagree" if failed else "", role=role, **where))
        view.edges.append(ViewEdge(out.id, lid, out.shape))
        if i < len(ys) and ys[i] is not None:
            yid = f"__y{i}"
            view.nodes.append(ViewNode(yid, "y", "labels", f"{call.get('method', 'fit')} argument", str(ys[i]),
                                       role="culprit" if culprit_kind == "labels" else "labels", **where))
            view.edges.append(ViewEdge(yid, lid, str(ys[i])))
    return view


def _sinks(view: GraphView) -> list[ViewNode]:
    has_out = {e.src for e in view.edges}
    return [n for n in view.nodes if n.id not in has_out and n.cls not in ("data", "labels", "loss")]


def view_of_model(recorder: Any, model: Any) -> GraphView | None:
    """The picture of a built functional or Sequential *model* that ran cleanly (None if it has no graph)."""
    from shapedoctor.graph.from_trace import graph_from_model

    try:
        if not getattr(model, "outputs", None):
            return None
        graph = graph_from_model(recorder, model)
    except Exception:  # noqa: BLE001 - a subclassed model has no symbolic graph; the text path stays
        return None
    return view_of(graph)


def fix_view(graph: Graph, candidate: Any) -> GraphView | None:
    """The picture of the model after a verified fix: its edited graph with the replayed shapes."""
    trial = getattr(candidate, "trial", None)
    if trial is None:
        return None
    changed = {getattr(e, "layer", None) for e in candidate.edits} - {None}
    return view_of(trial, candidate.shapes, changed=changed, title=graph.model_name)


def attach_training_graphs(diagnosis: Any, recorder: Any) -> None:
    """Give each finding about a training call (fit, predict, ...) the picture of its model
    with the call's data, labels and loss drawn around it and the root cause marked."""
    calls = list(zip(recorder.training_calls, diagnosis.training_calls))
    for finding in diagnosis.findings:
        if finding.graph is not None or finding.consumer is None:
            continue
        match = next(((c, s) for c, s in reversed(calls)
                      if s.get("line") == finding.consumer.line and s.get("file") == finding.consumer.file), None)
        if match is None:
            continue
        call, summary = match
        view = view_of_model(recorder, call.model)
        if view is None:
            continue
        culprit = finding.culprit
        kind = culprit.kind if culprit is not None else None
        if kind in ("layer", "input") and culprit.layer:
            for node in view.nodes:
                if node.label == culprit.layer:
                    node.role = "culprit"
        add_training_inputs(view, summary, kind if kind in ("data", "labels", "loss") else None,
                            failed=finding.severity == "error")
        if finding.severity != "error":
            for node in view.nodes:
                if node.cls == "loss" and node.role != "culprit":
                    node.role, node.shape = "consumer", "⚠ broadcasts silently"
        finding.graph = view
