"""Walk back from the layer that noticed a problem to the one that caused it.

Rules, per family (documented in the README and followed by the test corpus):

* rank (SD101) and width (SD102): the nearest producer that is not a pass-through layer
  (Dropout, Activation, normalisation...): the layer whose config made the shape, or the
  ``Input``, or the data the model was called with;
* Reshape (SD103): the Reshape itself (its target shape), the producer is named in the text;
* merge (SD104): the producer of the input whose shape differs from the first input's;
* shrinking (SD105): the layer whose window no longer fits;
* reused layer (SD106): the second call of the shared layer;
* undefined axis (SD107): the Flatten that produced it, else the Input that declared `None`.
"""

from __future__ import annotations

from shapedoctor.diagnose.context import Context
from shapedoctor.graph.model import Node
from shapedoctor.report.model import Place


def find_culprit(ctx: Context) -> Node | None:
    fam = ctx.family
    if fam in ("SD102",) and ctx.data_shape is not None:
        return ctx.extra.get("input_node")
    if fam in ("SD101", "SD102"):
        return ctx.shaping_producer(ctx.producer())
    if fam == "SD104":
        return ctx.shaping_producer(ctx.producer())
    if fam in ("SD103", "SD105", "SD106"):
        return ctx.consumer
    if fam == "SD107":
        for node in ctx.graph.upstream(ctx.consumer):
            if ctx.cls_of(node) == "Flatten" or node.kind in ("input", "data"):
                return node
    return ctx.shaping_producer(ctx.producer())


def place_of(ctx: Context, node: Node, as_consumer: bool = False) -> Place:
    graph = ctx.graph
    spec = graph.spec(node)
    if node.kind == "data" or (node.kind == "input" and ctx.data_shape is not None and not as_consumer):
        site = ctx.extra.get("data_site") if ctx.data_shape is not None or node.kind == "data" else node.called
        kind = "data"
        if node.kind == "input":
            site = ctx.extra.get("data_site")
        return Place(kind, spec.name if spec else "data", spec.cls if spec and node.kind != "data" else "data",
                     site.file if site else None, site.line if site else None, site.code if site else None)
    if node.kind == "input":
        site = spec.created if spec else node.called
        return Place("input", spec.name if spec else node.id, "InputLayer",
                     site.file if site else None, site.line if site else None, site.code if site else None)
    site = spec.created if spec else node.called
    if ctx.family == "SD106" and node is ctx.consumer and node.called is not None:
        site = node.called
    return Place("layer", spec.name if spec else node.label, spec.cls if spec else node.label,
                 site.file if site else None, site.line if site else None, site.code if site else None)
