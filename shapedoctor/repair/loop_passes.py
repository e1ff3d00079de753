"""Fewer passes of a loop that builds one block per item: the loop's data is the root cause.

A model built by ``for filters in [32, 64, 128, 256, 512]:`` (or ``range(5)``) stacks one
block per item. When a window layer of that block (a pooling, a valid convolution) refuses its
input on a later pass because the feature map has shrunk away, every block before it fitted:
the image allows only the passes that ran before the failing one. The line to change is the
loop's iterable, not the layer: the list keeps its first items (``[32, 64, 128, 256]``), the
``range`` its smaller count.

The graph edit removes the layer calls of the failing pass (what the shorter loop no longer
builds); the source edit shortens the literal list, tuple or ``range`` count, written either in
the ``for`` statement or in the one assignment of the name it loops over.
"""

from __future__ import annotations

import ast
import linecache
from dataclasses import dataclass

from shapedoctor.patch.textedit import TextEdit
from shapedoctor.repair.edits import RemoveNode


@dataclass
class LoopRewrite:
    """A loop rewritten in the source (fewer passes, or lines moved out of its body): the graph
    loses the layer calls the rewritten loop no longer makes, the source gets *text_edits*."""

    nodes: list[str]  # the layer calls the rewritten loop no longer makes
    file: str
    line: int
    shown: str  # the changed line(s), as shown in the report
    text_edits: list

    def apply(self, graph) -> None:
        for node_id in reversed(self.nodes):
            RemoveNode(node_id).apply(graph)


@dataclass
class FewerPasses(LoopRewrite):
    """Drop the loop's passes from the failing one on: the source gets the shorter iterable."""

    kept: int

    def describe(self, graph) -> str:
        return f"loop {self.kept} times"


@dataclass
class _Iterable:
    node: ast.expr  # the literal to rewrite (a list/tuple, or the count of range())
    items: int  # how many passes it makes
    line: int


def _innermost_loop(tree: ast.AST, line: int) -> ast.For | None:
    loops = [f for f in ast.walk(tree) if isinstance(f, ast.For) and f.body
             and f.body[0].lineno <= line <= (f.body[-1].end_lineno or f.body[-1].lineno)]
    return max(loops, key=lambda f: f.lineno) if loops else None


def _literal(expr: ast.expr) -> _Iterable | None:
    if isinstance(expr, (ast.List, ast.Tuple)) and expr.elts and not any(isinstance(e, ast.Starred) for e in expr.elts):
        return _Iterable(expr, len(expr.elts), expr.lineno)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and len(expr.args) == 1 and not expr.keywords:
        arg = expr.args[0]
        if expr.func.id == "enumerate":
            return _literal(arg)
        if expr.func.id == "range" and isinstance(arg, ast.Constant) and type(arg.value) is int:
            return _Iterable(arg, arg.value, arg.lineno)
    return None


def _resolve(tree: ast.AST, loop: ast.For) -> _Iterable | None:
    """The literal the loop iterates over: written in the ``for``, or the one assignment of its name."""
    found = _literal(loop.iter)
    if found is not None or not isinstance(loop.iter, ast.Name):
        return found
    name = loop.iter.id
    assigned = [a for a in ast.walk(tree) if isinstance(a, (ast.Assign, ast.AugAssign, ast.AnnAssign))
                and any(isinstance(t, ast.Name) and t.id == name
                        for t in (a.targets if isinstance(a, ast.Assign) else [a.target]))]
    if len(assigned) != 1 or not isinstance(assigned[0], ast.Assign) or assigned[0].lineno >= loop.lineno:
        return None
    return _literal(assigned[0].value)


def _shorter(source: str, it: _Iterable, keep: int) -> str | None:
    if isinstance(it.node, ast.Constant):
        return str(keep)
    items = [ast.get_source_segment(source, e) for e in it.node.elts[:keep]]
    if any(i is None for i in items):
        return None
    if isinstance(it.node, ast.Tuple):
        return "(" + ", ".join(items) + ("," if keep == 1 else "") + ")"
    return "[" + ", ".join(items) + "]"


@dataclass
class LoopRun:
    """The recorded passes of the innermost ``for`` loop around a layer call."""

    file: str
    lines: list[str]
    source: str
    tree: ast.AST
    loop: ast.For
    numbered: list  # (node, pass number) for the loop body's layer calls, in call order
    failing: int  # the pass of the layer call asked about


def loop_run(graph, consumer) -> LoopRun | None:
    """The passes of the loop whose body makes the layer call *consumer* (a graph node); a pass
    starts each time the body's first recorded layer line runs again."""
    spec = graph.spec(consumer)
    site = consumer.called or (spec.created if spec else None)
    if site is None or not site.file:
        return None
    lines = linecache.getlines(site.file)
    source = "".join(lines)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    loop = _innermost_loop(tree, site.line)
    if loop is None:
        return None
    first, last = loop.body[0].lineno, loop.body[-1].end_lineno or loop.body[-1].lineno

    def where(node):
        node_spec = graph.spec(node)
        s = node.called or (node_spec.created if node_spec else None)
        return s.line if s is not None and s.file == site.file and first <= s.line <= last else None

    body = [(n, where(n)) for n in graph.nodes if where(n) is not None]
    if not any(n is consumer for n, _ in body):
        return None
    head, passes, numbered = body[0][1], 0, []
    for node, line in body:
        passes += line == head
        numbered.append((node, passes))
    failing = next(p for n, p in numbered if n is consumer)
    return LoopRun(site.file, lines, source, tree, loop, numbered, failing)


def line_of(graph, node) -> int | None:
    spec = graph.spec(node)
    site = node.called or (spec.created if spec else None)
    return site.line if site is not None else None


def fewer_passes(graph, consumer) -> FewerPasses | None:
    """The edit that stops the loop before the pass whose layer *consumer* (a graph node) failed,
    when that layer is built inside a ``for`` loop over a literal and earlier passes fitted."""
    run = loop_run(graph, consumer)
    it = _resolve(run.tree, run.loop) if run is not None else None
    if it is None:
        return None
    dropped = [n.id for n, p in run.numbered if p >= run.failing]
    keep = run.failing - 1
    if keep < 1 or keep >= it.items or any(len(graph.node(n).input_ids()) != 1 for n in dropped):
        return None
    text = _shorter(run.source, it, keep)
    if text is None:
        return None
    node, lines = it.node, run.lines
    start, end = lines[node.lineno - 1], lines[(node.end_lineno or node.lineno) - 1]
    if not (start.isascii() and end.isascii()) or node.end_lineno != node.lineno:
        return None  # ast columns are byte offsets; one-line literals of plain text only
    edit = TextEdit(run.file, node.lineno, node.col_offset, node.lineno, node.end_col_offset or 0, text)
    shown = (start[: node.col_offset] + text + start[node.end_col_offset or 0:]).strip()
    return FewerPasses(dropped, run.file, node.lineno, shown, [edit], kept=keep)
