"""A candidate repair: a title, the graph edits it consists of, and its rank cost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapedoctor.repair.edits import Edit
from shapedoctor.repair.invariants import Checks


@dataclass
class Candidate:
    title: str
    edits: list[Edit]
    cost: int = 2  # smaller is shown first: 1 = change a value, 2 = insert a layer, 3+ = bigger change
    note: str | None = None
    # Filled in by verification:
    verified: bool = False
    result_shape: tuple | None = None
    failure: str | None = None
    trial: Any = field(default=None, repr=False, compare=False)  # the edited graph that was replayed
    shapes: dict = field(default_factory=dict, repr=False, compare=False)  # its replayed tensor shapes
    tags: list[str] = field(default_factory=list)
    # Nodes the fix makes run once per step of an axis it restores above them (a Dense between an RNN
    # given return_sequences=True and the RNN that needs the steps): their outputs grow by that axis
    # on purpose, like the edited layer's own (diagnosis/rank_origin.py).
    per_step: frozenset = frozenset()
    checks: Checks = field(default_factory=Checks)  # the invariants checked (repair/invariants.py)
