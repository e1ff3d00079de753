"""GraphView: the model as a picture needs it — boxes, arrows and the shapes on them, as plain data.

A :class:`GraphView` is what the HTML report draws (``shapedoctor run --html``, Jupyter): one
:class:`ViewNode` per layer call (or per model input, data, labels and loss of a training
call) and one :class:`ViewEdge` per tensor passed from one node to another, labelled with
its shape. It holds strings and numbers only (no Keras objects), like the rest of the
report model, and serialises to JSON (schema version 1, additive field ``graph``).

Roles mark what the report is about, each also spelled out in words when drawn, so colour
is never the only marker:

* ``consumer`` — the layer (or training call) that refused its input: drawn red;
* ``culprit`` — the root cause: drawn amber;
* ``path`` — a node on the shape path between them: emphasised;
* ``unreached`` — a layer after the failure that never ran: greyed;
* ``inserted`` / ``changed`` — in the picture of a fix: the new layer, or the edited one;
* ``data`` / ``labels`` / ``loss`` — the inputs of a training call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ROLES = ("", "consumer", "culprit", "path", "unreached", "inserted", "changed", "data", "labels", "loss")


@dataclass
class ViewNode:
    id: str
    label: str  # the layer's name, e.g. "dense_1"; "x", "y" or the loss name for training inputs
    cls: str  # class name, e.g. "Dense"; "data", "labels", "loss"
    detail: str = ""  # key config, e.g. "units=64, activation=relu"
    shape: str = ""  # its output shape as text, e.g. "(None, 64)"; "✗" when it refused its input
    file: str | None = None
    line: int | None = None
    cell: int | None = None
    role: str = ""
    group: str | None = None  # name of the nested model this layer belongs to, if any

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "label": self.label, "class": self.cls, "detail": self.detail,
               "shape": self.shape, "file": self.file, "line": self.line, "role": self.role}
        if self.cell is not None:
            out["cell"] = self.cell
        if self.group is not None:
            out["group"] = self.group
        return out


@dataclass
class ViewEdge:
    src: str
    dst: str
    shape: str = ""  # the tensor's shape as text; "" when unknown (not reached)

    def to_json(self) -> dict[str, Any]:
        return {"from": self.src, "to": self.dst, "shape": self.shape}


@dataclass
class GraphView:
    title: str = ""  # e.g. the model's name
    nodes: list[ViewNode] = field(default_factory=list)
    edges: list[ViewEdge] = field(default_factory=list)
    # Nested models (a Sequential or functional model used as a layer): node id -> its own picture.
    inner: dict[str, "GraphView"] = field(default_factory=dict)

    def node(self, node_id: str) -> ViewNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def with_role(self, role: str) -> list[ViewNode]:
        return [n for n in self.nodes if n.role == role]

    def to_json(self) -> dict[str, Any]:
        out = {"title": self.title, "nodes": [n.to_json() for n in self.nodes],
               "edges": [e.to_json() for e in self.edges]}
        if self.inner:
            out["inner"] = {k: v.to_json() for k, v in self.inner.items()}
        return out
