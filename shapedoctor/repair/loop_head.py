"""A model's head indented into the loop that builds its blocks.

``for f in filters:`` builds one conv block per item; the head (``Flatten``, ``Dense``...) belongs
after the loop. Indented one level too deep, it runs on every pass: the first pass flattens the
map, and the next pass's first layer gets a vector instead of a feature map (a rank error). The
cause is the loop's structure, not a layer's config: the trailing lines of the loop body, from
the first layer whose output rank differs from what the block's first layer takes, are the head,
and dedenting them runs them once, after the loop.

The graph edit removes the head's calls from the pass before the failing one (the block's first
layer then gets that pass's feature map, as it will in the fixed loop); the source edit dedents
the head lines to the ``for`` statement's indentation.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapedoctor.patch.textedit import TextEdit
from shapedoctor.repair.loop_passes import LoopRewrite, line_of, loop_run


@dataclass
class HeadOutOfLoop(LoopRewrite):
    """Run the loop body's trailing head lines once, after the loop (the nodes: the head's calls
    in the pass before the failing one; shown: the dedented lines)."""

    first_line: int
    last_line: int

    def describe(self, graph) -> str:
        return f"dedent lines {self.first_line}-{self.last_line} out of the loop"


def _rank(graph, tensor_id: str) -> int | None:
    info = graph.tensors.get(tensor_id)
    return len(info.shape) if info is not None and info.shape is not None else None


def head_out_of_loop(graph, consumer) -> HeadOutOfLoop | None:
    """For a layer call *consumer* (a graph node) that refused its input on a later pass of a
    ``for`` loop: the head lines at the end of the loop body that changed the rank on the pass
    before, to be run once after the loop; else None."""
    run = loop_run(graph, consumer)
    if run is None or run.failing < 2 or len(consumer.input_ids()) != 1:
        return None
    here = line_of(graph, consumer)
    before = [n for n, p in run.numbered if p == run.failing - 1]
    twin = next((i for i, n in enumerate(before) if line_of(graph, n) == here), None)
    if twin is None or len(before[twin].input_ids()) != 1:
        return None
    taken = _rank(graph, before[twin].input_ids()[0])  # the rank the block's layer took on that pass
    if taken is None or _rank(graph, consumer.input_ids()[0]) == taken:
        return None
    changer = next((i for i in range(twin, len(before)) if before[i].outputs
                    and _rank(graph, before[i].outputs[0]) not in (None, taken)), None)
    if changer is None or not before[-1].outputs or consumer.input_ids()[0] != before[-1].outputs[0]:
        return None  # the failing call does not take the previous pass's result
    first = line_of(graph, before[changer])
    body_end = run.loop.body[-1].end_lineno or run.loop.body[-1].lineno
    if first is None or first <= here or any((line_of(graph, n) or 0) < first for n in before[changer:]):
        return None
    if any(stmt.lineno < first <= (stmt.end_lineno or stmt.lineno) and stmt.lineno != first for stmt in run.loop.body):
        return None  # the head starts inside a statement
    outer = run.lines[run.loop.lineno - 1]
    outer_indent = outer[: len(outer) - len(outer.lstrip())]
    inner = run.lines[run.loop.body[0].lineno - 1]
    inner_indent = inner[: len(inner) - len(inner.lstrip())]
    if len(inner_indent) <= len(outer_indent):
        return None
    edits, shown = [], []
    for number in range(first, body_end + 1):
        text = run.lines[number - 1]
        if not text.strip():
            continue
        if not text.startswith(inner_indent):
            return None
        edits.append(TextEdit(run.file, number, 0, number, len(inner_indent), outer_indent))
        shown.append(outer_indent + text[len(inner_indent):].rstrip("\n"))
    nodes = [n.id for n in before[changer:]]
    if any(len(graph.node(n).input_ids()) != 1 for n in nodes):
        return None
    return HeadOutOfLoop(nodes, run.file, first, "\n".join(shown), edits, first_line=first, last_line=body_end)
