"""Diagnosis, Finding, FixReport: plain data shared by `run`, `explain` and the renderers.

These objects are what shapedoctor *concluded*; they hold strings and numbers only (no
Keras objects), so they can be rendered, serialised to JSON (schema version 1, see the
README) and compared in tests. The JSON field names are part of the public contract:
later versions add fields, never rename or remove them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only annotations here; explain never draws a graph and need not import it
    from shapedoctor.report.graphview import GraphView

JSON_VERSION = 1


@dataclass
class Place:
    """A layer (or data/labels/loss) and where it lives in the user's source."""

    kind: str = "layer"  # "layer" | "data" | "labels" | "loss" | "input"
    layer: str | None = None  # Keras layer name, e.g. "dense_1"
    cls: str | None = None  # class name, e.g. "Dense"
    file: str | None = None  # as the user gave it (relative stays relative)
    line: int | None = None
    code: str | None = None  # the source line, stripped
    cell: int | None = None  # notebooks: the cell number; `line` is then the line within the cell

    @classmethod
    def at_line(cls, kind: str, layer: str | None, class_name: str | None, path: str, line: int) -> "Place":
        """The place of *line* of the user's file *path* (its real path): shown as the user named the file,
        with the line's code."""
        import linecache

        from shapedoctor.trace.sites import display_path

        return cls(kind, layer, class_name, display_path(path), line, linecache.getline(path, line).strip())

    def to_json(self, with_kind: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if with_kind:
            out["kind"] = self.kind
        out.update({"layer": self.layer, "class": self.cls, "file": self.file, "line": self.line})
        if self.cell is not None:
            out["cell"] = self.cell
        return out

    @property
    def where(self) -> str:
        if self.file is None:
            return "?"
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class PathStep:
    """One row of the shape path from the model input to the failure."""

    layer: str
    cls: str
    output_shape: str  # e.g. "(None, 1)"; "✗" for the failing layer
    file: str | None = None
    line: int | None = None
    role: str = ""  # "" | "culprit" | "consumer"
    cell: int | None = None
    inputs: str = ""  # ok paths: the rows whose outputs this layer received ("input", "dense", ...)

    def to_json(self) -> dict[str, Any]:
        out = {
            "layer": self.layer,
            "class": self.cls,
            "output_shape": self.output_shape,
            "file": self.file,
            "line": self.line,
            "role": self.role,
        }
        if self.cell is not None:
            out["cell"] = self.cell
        if self.inputs:
            out["inputs"] = self.inputs
        return out


@dataclass
class FixReport:
    """One proposed repair, as shown to the user."""

    title: str  # e.g. "Insert RepeatVector(64) before lstm"
    code: str  # the code to write, e.g. "layers.RepeatVector(64),"
    file: str | None = None
    line: int | None = None
    verified: bool = False  # True only when Keras accepted the repaired model
    result_shape: str | None = None  # model (or consumer) output shape after the fix
    note: str | None = None  # caveats ("choose the number of steps you want")
    patch: str | None = None  # unified diff of the user's file, when the fix can be written there
    proven: bool = False  # True when the patched script ran clean under shapedoctor (--diff/--write)
    proof: str | None = None  # "passed" / why the proof failed / None when no proof was attempted
    edits: list = field(default_factory=list, repr=False, compare=False)  # TextEdits (not serialised)
    lines: list[int] = field(default_factory=list)  # every line of `file` the patch changes
    cell: int | None = None
    # The invariants checked before calling the fix verified (repair/invariants.py), name -> held.
    checks: dict[str, bool] = field(default_factory=dict)
    needs_proof: bool = field(default=False, repr=False)  # only the patched script can verify it (no clone)
    # It edits where the size an Input declares is chosen (diagnosis/size_choice.py): once proven, that
    # line is the root cause of a data/declaration mismatch.
    chooses_size: bool = field(default=False, repr=False)
    # Verified on the recorded graph only, which ends where the program stopped: what the script
    # does after that point (later layers, compile, fit) was never run; `run` proves it by running
    # the patched script.
    replay_only: bool = field(default=False, repr=False)
    cost: int = 1  # rank cost (repair/ranking.py): 1 = one value, 2 = one inserted layer, 3+ = bigger
    graph: GraphView | None = None  # the model as it will be after this fix (shapes from the verified replay)

    @property
    def writing(self) -> tuple[str, str | None]:
        """Whether ``--write`` can apply this fix: a short state and, when it cannot, why.

        ``("can be written", None)`` before any proof, ``("proven", None)``, ``("NOT proven",
        reason)`` after ``--diff``/``--write`` tried it, ``("cannot be written", reason)``.
        """
        if self.patch is None:
            reason = (self.proof or "").removeprefix("cannot be written automatically: ")
            return "cannot be written", reason or None
        if self.proven:
            return "proven", None
        if self.proof:
            return "NOT proven", self.proof
        return "can be written", None

    def to_json(self) -> dict[str, Any]:
        out = {
            "title": self.title,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "verified": self.verified,
            "result_shape": self.result_shape,
        }
        if self.note:
            out["note"] = self.note
        out["patch"] = self.patch
        out["lines"] = list(self.lines)
        if self.cell is not None:
            out["cell"] = self.cell
        out["proven"] = self.proven
        if self.proof is not None:
            out["proof"] = self.proof
        if self.graph is not None:
            out["graph"] = self.graph.to_json()
        if self.checks:
            out["checks"] = dict(self.checks)
        out["cost"] = self.cost
        return out


@dataclass
class Finding:
    """One shape problem: what, where, why, and how to fix it."""

    id: str  # family id, e.g. "SD101"
    family: str  # family slug, e.g. "wrong-rank"
    severity: str  # "error" | "warning"
    message: str  # one line: what failed
    consumer: Place | None = None  # the layer that noticed
    culprit: Place | None = None  # the root cause
    expected: str | None = None
    received: str | None = None
    path: list[PathStep] = field(default_factory=list)
    explanation: str = ""
    fixes: list[FixReport] = field(default_factory=list)
    keras_message: str | None = None  # Keras's own words, first line
    graph: GraphView | None = None  # the model around the failure, for the picture (render/report_page.py)
    why_first: str | None = None  # one line: why fix 1 was preferred (repair/ranking.py)

    def clear_culprit_marks(self) -> None:
        """Take the root-cause mark off every row of the path and node of the picture: for a rule that
        moved the culprit to a line the path does not show (a constructor call, a setting, the data)."""
        for step in self.path:
            if step.role == "culprit":
                step.role = ""
        for node in (self.graph.nodes if self.graph is not None else []):
            if getattr(node, "role", "") == "culprit":
                node.role = ""

    def to_json(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "consumer": self.consumer.to_json(with_kind=False) if self.consumer else None,
            "culprit": self.culprit.to_json() if self.culprit else None,
            "expected": self.expected,
            "received": self.received,
            "path": [p.to_json() for p in self.path],
            "explanation": self.explanation,
            "fixes": [f.to_json() for f in self.fixes],
            "keras_message": self.keras_message,
        }
        if self.graph is not None:
            out["graph"] = self.graph.to_json()
        if self.why_first:
            out["why_first"] = self.why_first
        return out


@dataclass
class Diagnosis:
    """Everything one shapedoctor run concluded."""

    findings: list[Finding] = field(default_factory=list)
    source: str = "run"  # "run" | "text" | "api"
    script: str | None = None
    # The shape path of a model that ran fine (status "ok"), for display.
    ok_paths: list[list[PathStep]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Shapes seen at each fit/evaluate/predict call: method, file, line, x, y, loss, output, quick.
    training_calls: list[dict] = field(default_factory=list)
    # The models of a clean run, as pictures (one per model that was called).
    ok_graphs: list[GraphView] = field(default_factory=list)
    # The program ended with an exception that is not a shape problem shapedoctor recognises:
    # "ValueError: ..." (status "error": no verdict either way).
    error: str | None = None
    error_at: tuple | None = None  # (file, line): the innermost line of the user's code in that exception

    @property
    def status(self) -> str:
        if any(f.severity == "error" for f in self.findings):
            return "mismatch"
        if self.error:
            return "error"
        if self.findings:
            return "warning"
        return "ok"

    @property
    def ok(self) -> bool:
        return not self.findings and not self.error

    @property
    def fixes(self) -> list[FixReport]:
        return [fx for f in self.findings for fx in f.fixes]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": JSON_VERSION,
            "status": self.status,
            "source": self.source,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.script is not None:
            out["script"] = self.script
        if self.ok_paths:
            out["models"] = [[p.to_json() for p in path] for path in self.ok_paths]
        if self.error:
            out["error"] = self.error
            if self.error_at:
                out["error_at"] = {"file": self.error_at[0], "line": self.error_at[1]}
        if self.notes:
            out["notes"] = list(self.notes)
        if self.training_calls:
            out["training_calls"] = list(self.training_calls)
        if self.ok_graphs:
            out["graphs"] = [g.to_json() for g in self.ok_graphs]
        return out

    def __rich__(self):
        from shapedoctor.render.terminal import render

        return render(self)

    def _repr_html_(self) -> str:
        """Jupyter's HTML display of the report (see the README, "In Jupyter")."""
        from shapedoctor.render.html import render

        return render(self)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        """Jupyter/IPython display: HTML, plain text, and the JSON report for tools reading notebooks."""
        from shapedoctor.render.plain import plain_text
        from shapedoctor.render.html import MIMETYPE

        bundle: dict[str, Any] = {
            "text/html": self._repr_html_(),
            "text/plain": plain_text(self),
            MIMETYPE: self.to_json(),
        }
        if include:
            bundle = {k: v for k, v in bundle.items() if k in include}
        if exclude:
            bundle = {k: v for k, v in bundle.items() if k not in exclude}
        return bundle
