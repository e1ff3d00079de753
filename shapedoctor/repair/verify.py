"""Verify candidate repairs by applying them to a copy of the graph and replaying it in Keras.

A candidate is *verified* when Keras accepts every call of the edited graph all the way to
the model's output **and** it keeps the invariants of :mod:`shapedoctor.repair.invariants`
that apply to a model edit: the output shape is unchanged (unless the candidate edits the
output layer itself), no data is cropped or reshaped away, and no layer or tensor blows up.
"""

from __future__ import annotations

from shapedoctor.graph.model import Graph
from shapedoctor.infer.propagate import Propagation, propagate
from shapedoctor.repair import invariants as inv
from shapedoctor.repair.candidate import Candidate
from shapedoctor.patch import interrupts
from shapedoctor.repair.edits import DataTransform, InsertLayer, SetConfig, SetShape


def verify(graph: Graph, candidate: Candidate, expected_output: tuple | None = None,
           base: Propagation | None = None) -> Candidate:
    interrupts.checkpoint()  # a Ctrl-C Python could not raise ends the search here
    checks = candidate.checks
    trial = graph.copy()
    try:
        for edit in candidate.edits:
            edit.apply(trial)
    except Exception as exc:  # noqa: BLE001 - an edit that does not fit this graph
        candidate.verified, candidate.failure = False, f"could not apply: {exc}"
        return candidate
    _data_checks(graph, candidate, checks)
    result = propagate(trial)
    candidate.trial, candidate.shapes = trial, result.shapes
    if not result.ok:
        candidate.verified = False
        candidate.failure = _first_line(result.error) if result.error else "could not replay every layer"
        checks.record("reaches_end", False, candidate.failure)
        return candidate
    checks.record("reaches_end", True)
    out = result.output_shape(trial)
    candidate.result_shape = out
    if expected_output is not None and out is not None and not _touches_output(trial, candidate):
        checks.record("fits_labels", _strip_batch(out) == _strip_batch(expected_output), f"changes the model output to {out}")
    if out is not None:
        checks.record("batch_axis", *inv.batch_axis_kept([result.shapes.get(t) for t in _sources(trial)], out))
    _keeps_data_checks(trial, result, candidate, checks)
    if base is not None:
        edited = frozenset(e.layer for e in candidate.edits if isinstance(e, SetConfig))
        resized = frozenset(t for n in trial.nodes if n.layer in edited or n.id in candidate.per_step for t in n.outputs)
        # The script's arrays moved along with a new declaration (made_at) are not graph inputs.
        reshaped = [e for e in candidate.edits if isinstance(e, SetShape)
                    or isinstance(e, DataTransform) and e.made_at is None]
        resized |= frozenset(t for e in reshaped if getattr(e, "node", None) for t in trial.node(e.node).outputs)
        new_inputs = tuple(e.shape for e in reshaped)
        # A merge told another axis (axis=-1 with a channels-last declaration) lays values out, like the input.
        laid_out = frozenset(e.layer for e in candidate.edits if isinstance(e, SetConfig) and set(e.changes) == {"axis"})
        checks.record("size", *inv.size_kept(base, result, edited, new_inputs, resized, laid_out))
    candidate.verified = checks.ok
    if not checks.ok:
        candidate.failure = checks.failure_text()
    return candidate


def verify_all(graph: Graph, candidates: list[Candidate], expected_output: tuple | None = None, limit: int = 5,
               rejected: list[Candidate] | None = None) -> list[Candidate]:
    """Verified candidates, cheapest first, at most *limit*, without duplicates.

    Candidates Keras accepts but that break an invariant go to *rejected* (when given), so a
    report can show the best of them as "not verified: <invariant>" when nothing else works.
    """
    seen: set[str] = set()
    kept: list[Candidate] = []
    base = propagate(graph)
    for cand in sorted(candidates, key=lambda c: c.cost):
        key = repr([(type(e).__name__, vars(e)) for e in cand.edits])
        if key in seen:
            continue
        seen.add(key)
        if verify(graph, cand, expected_output, base).verified:
            kept.append(cand)
        elif rejected is not None and cand.checks.results.get("reaches_end"):
            rejected.append(cand)
        if len(kept) >= limit:
            break
    return kept


def _data_checks(graph: Graph, candidate: Candidate, checks: inv.Checks) -> None:
    """Data transforms keep the number of samples (judged on the data's full shape)."""
    for edit in candidate.edits:
        if isinstance(edit, DataTransform):
            before = edit.before
            if before is None and edit.node is not None:
                before = graph.tensors[graph.node(edit.node).outputs[0]].shape
            after = edit.whole or edit.shape
            ok, why = inv.samples_kept(before, after)
            if ok and edit.labels is not None and after:  # one sample of all the data: no pairing
                ok, why = inv.paired(after[0], edit.labels)
            checks.record("samples", ok, why)
            checks.record("keeps_data", *inv.values_kept(before, after))


def _keeps_data_checks(trial: Graph, result: Propagation, candidate: Candidate, checks: inv.Checks) -> None:
    for edit in candidate.edits:
        if isinstance(edit, InsertLayer) and edit.cls.startswith("Cropping") and edit.args:
            shape = _inserted_input_shape(trial, result, edit.cls)
            if shape is not None:
                checks.record("keeps_data", *inv.crop_keeps_data(tuple(edit.args[0]), tuple(shape[1:-1])))
        if isinstance(edit, InsertLayer) and edit.cls == "Reshape" and edit.args:
            shape = _inserted_input_shape(trial, result, "Reshape")
            if shape is not None:
                checks.record("keeps_data", *inv.reshape_keeps_positions(tuple(shape[1:]), tuple(edit.args[0])))
        if isinstance(edit, InsertLayer) and edit.cls.startswith(("MaxPooling", "AveragePooling")):
            size = edit.kwargs.get("pool_size", edit.args[0] if edit.args else None)
            if size is not None:
                checks.record("keeps_data", *inv.pool_keeps_data(size))


def _inserted_input_shape(trial: Graph, result: Propagation, cls: str) -> tuple | None:
    """The shape the replay gave to the input of the layer of class *cls* the candidate inserted."""
    node = next((n for n in trial.nodes if n.layer and trial.layers[n.layer].inserted
                 and trial.layers[n.layer].cls == cls), None)
    return result.shapes.get(node.input_ids()[0]) if node is not None else None


def _sources(graph: Graph) -> list[str]:
    """The tensors the graph starts from: what its input nodes make (nodes that read nothing) and what
    it reads without making (a constant it is given)."""
    made = {t for n in graph.nodes for t in n.outputs}
    starts = [t for n in graph.nodes if not n.input_ids() for t in n.outputs]
    return starts + [t for n in graph.nodes for t in n.input_ids() if t not in made]


def _touches_output(graph: Graph, candidate: Candidate) -> bool:
    last = graph.producer(graph.outputs[0]) if graph.outputs else None
    return any(isinstance(e, SetConfig) and last is not None and e.layer == last.layer for e in candidate.edits)


def _strip_batch(shape: tuple) -> tuple:
    return tuple(shape[1:])


def _first_line(exc: BaseException) -> str:
    lines = [ln for ln in str(exc).splitlines() if ln.strip() and not ln.startswith("Exception encountered")]
    return lines[0].strip() if lines else type(exc).__name__
