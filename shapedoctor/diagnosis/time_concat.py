"""Parallel branches of one sequence joined along its time axis (silent).

A multi-kernel text CNN runs several ``Conv1D`` branches over the same embedded sequence and joins
them for a BiLSTM. ``Concatenate(axis=1)`` on three (None, 12, 32) branches builds and trains, but
gives (None, 36, 32): the RNN reads branch one's 12 steps, then branch two's, then branch three's,
as if the sentence were three times longer. The join the design needs is along the features,
``axis=-1``: (None, 12, 96), each step seeing every kernel's features (the accepted answer of the
Stack Overflow thread behind r361).

Evidence, read, not guessed: a Concatenate on an axis other than the last, joining two or more
sequences (three axes) of exactly one shape; each comes through a different layer from one common
sequence upstream (the same steps, pooled alike in each branch). The fix ``axis=-1`` is replayed through
Keras (the model after it must still build). Joins of different sequences (a question and an
answer, a class token and patches) have no common source of that shape and are left alone.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.report.model import Finding


def time_concat_findings(recorder: Any) -> list[Finding]:
    from shapedoctor.diagnosis.silent import findings_from

    return findings_from(recorder, getattr(recorder, "time_concats", []), _finding)


def _ancestors(graph, node) -> set:
    seen, stack = set(), [node]
    while stack:
        current = stack.pop()
        if current is None or current.id in seen:
            continue
        seen.add(current.id)
        stack.extend(graph.producer(t) for t in current.input_ids())
    return seen


def _finding(recorder: Any, record: Any) -> Finding | None:
    from shapedoctor.diagnosis.context import Context
    from shapedoctor.diagnosis.culprit import place_of
    from shapedoctor.families import get
    from shapedoctor.diagnosis.silent import call_graph
    from shapedoctor.graph.model import format_shape
    from shapedoctor.infer.propagate import propagate
    from shapedoctor.patch.apply import attach
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.codegen import CodeWriter
    from shapedoctor.repair.edits import SetConfig
    from shapedoctor.report.model import FixReport, PathStep

    graph, node, out_t = call_graph(recorder, record)
    inputs = node.input_ids()
    shapes = [graph.tensors[t].shape for t in inputs]
    if len(shapes) < 2 or any(s is None or len(s) != 3 for s in shapes) or len(set(map(tuple, shapes))) != 1:
        return None
    producers = [graph.producer(t) for t in inputs]
    if any(p is None or p.kind != "layer" for p in producers) or len({p.layer for p in producers}) != len(producers):
        return None
    common = set.intersection(*[_ancestors(graph, p) - {p.id} for p in producers])
    steps = shapes[0][1]
    if not any(graph.tensors[t].shape is not None and len(graph.tensors[t].shape) == 3
               for n in common for t in graph.node(n).outputs):
        return None  # not branches of one sequence (its steps may be pooled alike in each branch)
    cand = Candidate("join the branches along the features: axis=-1", [SetConfig(node.layer, {"axis": -1})], cost=1)
    trial = graph.copy()
    for edit in cand.edits:
        edit.apply(trial)
    result = propagate(trial)
    joined = result.shapes.get(out_t)
    if not result.ok or joined is None or joined[1] != steps:
        return None
    code = CodeWriter(graph).render(cand)
    fix = attach(FixReport(cand.title, code.code, code.file, code.line, True, format_shape(joined), None,
                           checks={"reaches_end": True}, cost=1), code.edits, code.why_not)
    fam = get("SD104")
    ctx = Context(graph, node, "SD104", "", received=shapes)
    here = place_of(ctx, node, as_consumer=True)
    merged = tuple(shapes[0][:1]) + (steps * len(shapes),) + tuple(shapes[0][2:])
    path = [PathStep(p.layer or "?", p.cls or "?", format_shape(s), p.file, p.line, "")
            for n, s in zip(producers, shapes) for p in [place_of(ctx, n)]]
    path.append(PathStep(here.layer or "?", here.cls or "?", format_shape(merged), here.file, here.line, "culprit"))
    return Finding(
        fam.id, fam.slug, "warning",
        f"{here.cls} `{here.layer}` joined {len(shapes)} branches of one sequence along its time axis: "
        f"{format_shape(merged)}",
        consumer=here, culprit=here, expected=format_shape(joined), received=format_shape(merged), path=path,
        explanation=(f"The {len(shapes)} branches are computed from the same sequence of {steps} steps, each "
                     f"{format_shape(shapes[0])}. Joined on axis 1 they make one sequence of {steps * len(shapes)} "
                     "steps: a layer reading it sees the first branch's steps, then the next branch's, as if the "
                     f"input were {len(shapes)} times longer. Joined on the last axis, each of the {steps} steps "
                     "gets every branch's features. No error is raised."),
        fixes=[fix],
    )
