"""A Reshape used as a transpose: channels-first maps read as rows of positions (SD103, silent).

keras-team/keras #2167 (r601): feature maps stored channels-first, (1024, 7, 7), are meant to become 49
region vectors of 1024 channels. ``Reshape((49, 1024))`` runs and gives that shape, but a reshape keeps
the values in memory order: each row takes 1024 consecutive values, mixing the channels of different
positions. The reply: ``Permute((2, 3, 1))`` first, moving the channel axis last, then the Reshape.

Evidence, read from the recorded call: a Reshape of (batch, a, rest...) to (batch, prod(rest), a), *a*
not already the last axis (trace/recorder.py ``moves_first_axis_last``). The Reshape is the cause; the
fix inserts ``Permute((2, ..., n, 1))`` before it, verified by replaying the model (the Reshape's output
shape is unchanged, now with each row one position's values).
"""

from __future__ import annotations

from typing import Any

from shapedoctor.report.model import Finding


def mixed_reshape_findings(recorder: Any) -> list[Finding]:
    from shapedoctor.diagnosis.silent import findings_from

    return findings_from(recorder, getattr(recorder, "mixed_reshapes", []), _finding)


def _finding(recorder: Any, record: Any) -> Finding | None:
    from shapedoctor.diagnosis.context import Context
    from shapedoctor.diagnosis.culprit import place_of
    from shapedoctor.diagnosis.silent import call_graph
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.infer.propagate import propagate
    from shapedoctor.patch.apply import attach
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.codegen import CodeWriter
    from shapedoctor.repair.edits import InsertLayer
    from shapedoctor.report.model import FixReport

    graph, node, out_t = call_graph(recorder, record)
    inputs = node.input_ids()
    before = graph.tensors[inputs[0]].shape if len(inputs) == 1 else None
    base = propagate(graph)
    made = base.shapes.get(out_t) if base.ok else None
    if before is None or made is None:
        return None
    axes = len(before) - 1
    order = tuple(range(2, axes + 1)) + (1,)
    cand = Candidate(f"move the first axis last before reshaping: insert Permute({order})",
                     [InsertLayer(node.id, "Permute", (order,), {}, 0)], cost=2)
    trial = graph.copy()
    for edit in cand.edits:
        edit.apply(trial)
    result = propagate(trial)
    after = result.shapes.get(out_t)
    if not result.ok or after is None or tuple(after[1:]) != tuple(made[1:]):
        return None
    code = CodeWriter(graph).render(cand)
    fix = attach(FixReport(cand.title, code.code, code.file, code.line, True, format_shape(after), None,
                           checks={"reaches_end": True, "keeps_data": True}, cost=2), code.edits, code.why_not)
    fam = get("SD103")
    ctx = Context(graph, node, "SD103", "", received=[before])
    here = place_of(ctx, node, as_consumer=True)
    first, rest = before[1], tuple(before[2:])
    return Finding(
        fam.id, fam.slug, "warning",
        f"Reshape `{here.layer}` turns {format_shape(before)} into {format_shape(tuple(after))} by memory order: "
        f"each row mixes the {first} values of axis 1 across positions",
        consumer=here, culprit=here, expected=format_shape(tuple(after)), received=format_shape(before),
        explanation=(f"The input holds {first} values along its first axis for each of the {format_shape(rest)} "
                     f"positions (channels first). A Reshape does not move values, it re-reads them in order: each "
                     f"row of {first} values it makes runs along the last axes of the input, so it mixes several "
                     f"positions' values of a few channels instead of one position's {first} channels. Move that "
                     "axis last first (Permute), then reshape. No error is raised."),
        fixes=[fix],
    )
