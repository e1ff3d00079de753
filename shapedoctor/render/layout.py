"""Place a GraphView's boxes top to bottom: folding of repeated blocks, then a layered layout.

The layout itself is grandalf's Sugiyama layered-graph algorithm (ranks, crossing
reduction, coordinates, dummy points for long edges); this module only prepares the graph
for it and reads the positions back. Each weakly connected part is laid out on its own
and the parts are placed side by side.

Folding keeps a 300-layer model readable: the model is cut into blocks at the layers every
path goes through (in a ResNet, one residual block per cut; in a plain stack, one layer per
cut), and a run of three or more repetitions of the same sequence of blocks keeps its first
repetition and folds the others into one box ("× 15 more: Conv2D, BatchNormalization, ...").
Blocks that hold the culprit, the failing layer, the path between them or a fix's edit are
never folded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from shapedoctor.report.graphview import GraphView, ViewEdge, ViewNode

BOX_W, BOX_H = 250, 70  # a layer's box, in px
GAP_X, GAP_Y = 36, 46  # room between boxes (edge labels sit in GAP_Y)
_KEEP_ROLES = {"consumer", "culprit", "path", "inserted", "changed", "data", "labels", "loss"}


@dataclass
class Placed:
    """Positions of a laid-out view: box centres and edge polylines, in px from the top left."""

    view: GraphView
    centres: dict[str, tuple[float, float]] = field(default_factory=dict)
    routes: list[tuple[ViewEdge, list[tuple[float, float]]]] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    folded: int = 0  # how many layers folding hid


def fold(view: GraphView, min_repeats: int = 3, max_period: int = 8) -> tuple[GraphView, int]:
    """*view* with repeated blocks folded; returns the new view and the number of nodes hidden."""
    order = _topological(view)
    if len(order) < 40:
        return view, 0
    blocks = _blocks(view, order)
    sigs = [tuple(view.node(n).cls for n in block) for block in blocks]
    keep = [any(view.node(n).role in _KEEP_ROLES for n in block) for block in blocks]
    hide: dict[str, str] = {}  # hidden node id -> fold node id
    folds: list[ViewNode] = []
    i = 0
    while i < len(blocks):
        best = None
        for period in range(1, max_period + 1):
            reps = 1
            while (i + (reps + 1) * period <= len(blocks)
                   and sigs[i + reps * period:i + (reps + 1) * period] == sigs[i:i + period]):
                reps += 1
            span = range(i + period, i + reps * period)
            if reps >= min_repeats and not any(keep[j] for j in span):
                if best is None or reps * period > best[0] * best[1]:
                    best = (reps, period)
        if best is None:
            i += 1
            continue
        reps, period = best
        hidden = [n for j in range(i + period, i + reps * period) for n in blocks[j]]
        fid = f"__fold{len(folds)}"
        counts = Counter(view.node(n).cls for n in hidden)
        detail = ", ".join(f"{cls} ×{k}" for cls, k in counts.most_common(4)) + (", …" if len(counts) > 4 else "")
        last = view.node(hidden[-1])
        folds.append(ViewNode(fid, f"× {reps - 1} more", "folded", f"{len(hidden)} layers: {detail}",
                              last.shape, role="folded"))
        for n in hidden:
            hide[n] = fid
        i += reps * period
    if not hide:
        return view, 0
    out = GraphView(view.title)
    placed_folds = set()
    for node in view.nodes:
        fid = hide.get(node.id)
        if fid is None:
            out.nodes.append(node)
        elif fid not in placed_folds:
            placed_folds.add(fid)
            out.nodes.append(next(f for f in folds if f.id == fid))
    seen = set()
    for edge in view.edges:
        src, dst = hide.get(edge.src, edge.src), hide.get(edge.dst, edge.dst)
        if src == dst or (src, dst) in seen:
            continue
        seen.add((src, dst))
        out.edges.append(ViewEdge(src, dst, edge.shape))
    return out, len(hide)


def _topological(view: GraphView) -> list[str]:
    ids = [n.id for n in view.nodes]
    indeg = {i: 0 for i in ids}
    down: dict[str, list[str]] = {i: [] for i in ids}
    for e in view.edges:
        if e.src in indeg and e.dst in indeg:
            indeg[e.dst] += 1
            down[e.src].append(e.dst)
    ready = [i for i in ids if indeg[i] == 0]
    order = []
    while ready:
        cur = ready.pop(0)
        order.append(cur)
        for nxt in down[cur]:
            indeg[nxt] -= 1
            if indeg[nxt] == 0:
                ready.append(nxt)
    return order + [i for i in ids if i not in set(order)]


def _blocks(view: GraphView, order: list[str]) -> list[list[str]]:
    """Cut *order* after every node that no edge jumps over."""
    pos = {n: i for i, n in enumerate(order)}
    furthest = -1
    ends = {}
    for e in view.edges:
        if e.src in pos and e.dst in pos:
            ends[pos[e.src]] = max(ends.get(pos[e.src], -1), pos[e.dst])
    blocks, current = [], []
    for i, node in enumerate(order):
        current.append(node)
        furthest = max(furthest, ends.get(i, -1))
        if furthest <= i + 1:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def place(view: GraphView) -> Placed:
    """Lay out *view* top to bottom with grandalf; every part side by side."""
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout

    class _Box:
        w, h = BOX_W, BOX_H

    class _Route:
        def __init__(self) -> None:
            self.points: list = []

        def setpath(self, points) -> None:
            self.points = [tuple(p) for p in points]

    vertices = {}
    for node in view.nodes:
        v = Vertex(node.id)
        v.view = _Box()
        vertices[node.id] = v
    edges = []
    for e in view.edges:
        if e.src in vertices and e.dst in vertices and e.src != e.dst:
            ge = Edge(vertices[e.src], vertices[e.dst])
            ge.view = _Route()
            ge.data = e
            edges.append(ge)
    graph = Graph(list(vertices.values()), edges)
    result = Placed(view)
    left = 0.0
    for part in graph.C:
        layout = SugiyamaLayout(part)
        layout.xspace, layout.yspace = GAP_X, GAP_Y
        roots = [v for v in part.sV if not v.e_in()]
        layout.init_all(roots=roots or None, optimize=True)
        layout.draw(3)
        xs = [v.view.xy[0] for v in part.sV]
        ys = [v.view.xy[1] for v in part.sV]
        x0, y0 = min(xs) - BOX_W / 2, min(ys) - BOX_H / 2
        for v in part.sV:
            x, y = v.view.xy
            result.centres[v.data] = (left + x - x0, y - y0)
        for ge in part.sE:
            pts = ge.view.points or [ge.v[0].view.xy, ge.v[1].view.xy]
            result.routes.append((ge.data, [(left + x - x0, y - y0) for x, y in pts]))
        width = max(xs) - min(xs) + BOX_W
        left += width + GAP_X * 2
        result.height = max(result.height, max(ys) - min(ys) + BOX_H)
    result.width = max(left - GAP_X * 2, BOX_W)
    order = {id(e): i for i, e in enumerate(view.edges)}
    result.routes.sort(key=lambda route: order[id(route[0])])  # drawn in the model's order
    return result
