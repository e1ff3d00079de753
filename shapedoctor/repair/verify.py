"""Verify candidate repairs by applying them to a copy of the graph and replaying it in Keras.

A candidate is *verified* when Keras accepts every call of the edited graph all the way to
the model's output and, when the original model's output shape is known, the output shape
is unchanged (unless the candidate edits the output layer itself).
"""

from __future__ import annotations

from shapedoctor.graph.model import Graph
from shapedoctor.infer.propagate import propagate
from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import SetConfig


def verify(graph: Graph, candidate: Candidate, expected_output: tuple | None = None) -> Candidate:
    trial = graph.copy()
    try:
        for edit in candidate.edits:
            edit.apply(trial)
    except Exception as exc:  # noqa: BLE001 - an edit that does not fit this graph
        candidate.verified, candidate.failure = False, f"could not apply: {exc}"
        return candidate
    result = propagate(trial)
    candidate.trial, candidate.shapes = trial, result.shapes
    if not result.ok:
        candidate.verified = False
        candidate.failure = _first_line(result.error) if result.error else "could not replay every layer"
        return candidate
    out = result.output_shape(trial)
    candidate.result_shape = out
    if expected_output is not None and out is not None and not _touches_output(trial, candidate):
        if _strip_batch(out) != _strip_batch(expected_output):
            candidate.verified = False
            candidate.failure = f"changes the model output to {out}"
            return candidate
    candidate.verified = True
    return candidate


def verify_all(graph: Graph, candidates: list[Candidate], expected_output: tuple | None = None, limit: int = 5) -> list[Candidate]:
    """Verified candidates, cheapest first, at most *limit*, without duplicates."""
    seen: set[str] = set()
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: c.cost):
        key = repr([(type(e).__name__, vars(e)) for e in cand.edits])
        if key in seen:
            continue
        seen.add(key)
        if verify(graph, cand, expected_output).verified:
            kept.append(cand)
        if len(kept) >= limit:
            break
    return kept


def _touches_output(graph: Graph, candidate: Candidate) -> bool:
    last = graph.producer(graph.outputs[0]) if graph.outputs else None
    return any(isinstance(e, SetConfig) and last is not None and e.layer == last.layer for e in candidate.edits)


def _strip_batch(shape: tuple) -> tuple:
    return tuple(shape[1:])


def _first_line(exc: BaseException) -> str:
    lines = [ln for ln in str(exc).splitlines() if ln.strip() and not ln.startswith("Exception encountered")]
    return lines[0].strip() if lines else type(exc).__name__
