"""Check one script in this process: run it weight-free under the recorder, then diagnose.

:func:`check_script` returns a :class:`FileReport`: the :class:`~shapedoctor.report.model.Diagnosis`
(the same pipeline as ``shapedoctor run``), what could not be checked, and how the script
ended. :meth:`FileReport.to_json` is one file's report in ``check``'s JSON (schema version 1).
"""

from __future__ import annotations

import contextlib
import sys
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from shapedoctor import pipeline
from shapedoctor.report.model import Diagnosis

# How a file's check ended (``outcome`` in the JSON).
CHECKED = "checked"  # the script ran to its end (or to the shape error that stopped it)
STOPPED = "stopped"  # a non-shape exception stopped the script: later lines were not checked
SKIPPED = "skipped"  # the file does not import Keras or TensorFlow
INVALID = "invalid"  # not Python / not a readable notebook
TIMEOUT = "timeout"  # the per-file time limit ran out
FAILED = "failed"  # the worker process died (e.g. out of memory)


@dataclass
class FileReport:
    file: str
    outcome: str = CHECKED
    diagnosis: Diagnosis | None = None
    unchecked: list = field(default_factory=list)  # Unchecked entries
    stopped: dict | None = None  # {"type", "message", "file", "line"} when a non-shape exception stopped it
    detail: str | None = None  # why a file was skipped / invalid / failed
    seconds: float = 0.0
    user_exception: BaseException | None = field(default=None, repr=False)
    json_cache: dict | None = field(default=None, repr=False)

    @property
    def status(self) -> str:
        """ok / warning / mismatch for a script that ran (to its end or not), else the outcome."""
        if self.outcome not in (CHECKED, STOPPED):
            return self.outcome
        if self.diagnosis is not None:
            return self.diagnosis.status
        return (self.json_cache or {}).get("status", "ok")

    @property
    def has_error(self) -> bool:
        """A shape error, or a file that could not be checked at all."""
        return self.status == "mismatch" or self.outcome in (INVALID, TIMEOUT, FAILED)

    def to_json(self) -> dict[str, Any]:
        if self.json_cache is not None:
            return self.json_cache
        out: dict[str, Any] = self.diagnosis.to_json() if self.diagnosis is not None else {
            "version": 1, "status": self.status, "source": "check", "findings": []}
        out["script"] = self.file
        out["outcome"] = self.outcome
        out["unchecked"] = [u.to_json() for u in self.unchecked]
        if self.stopped is not None:
            out["stopped"] = self.stopped
        if self.detail is not None:
            out["detail"] = self.detail
        out["seconds"] = round(self.seconds, 3)
        if self.diagnosis is not None:
            for finding, data in zip(self.diagnosis.findings, out["findings"]):
                for fix, fix_data in zip(finding.fixes, data.get("fixes", [])):
                    fix_data["replacements"] = _replacements(fix)
        return out


def check_script(script: str, argv: list[str] | None = None, quiet_stdout: bool = False) -> FileReport:
    """Run *script* weight-free and diagnose it. With *quiet_stdout*, the script's prints go to stderr."""
    from shapedoctor.check.weightfree import WeightFree
    from shapedoctor.trace.runner import run_script

    started = time.perf_counter()
    weightfree = WeightFree()
    redirect = contextlib.redirect_stdout(sys.stderr) if quiet_stdout else contextlib.nullcontext()
    with redirect:
        outcome = run_script(script, list(argv or []), on_training_call=pipeline.preflight, setup=weightfree)
    exc = outcome.exception
    report = FileReport(script, unchecked=list(weightfree.unchecked))
    report.diagnosis = pipeline.diagnose(outcome.recorder, exc, source="check", script=script)
    pipeline.to_cells(report.diagnosis)
    if exc is not None and not any(f.severity == "error" for f in report.diagnosis.findings):
        report.outcome = STOPPED
        report.user_exception = exc
        report.stopped = _where_stopped(exc, script)
    for entry in report.unchecked:
        report.diagnosis.notes.append(f"not checked: {entry.what} at {entry.file}:{entry.line} ({entry.why})")
    if report.stopped is not None:
        s = report.stopped
        report.diagnosis.notes.append(f"the script stopped at {s['file']}:{s['line']} ({s['type']}: {s['message']}); "
                                      "the lines after it were not checked")
    report.seconds = time.perf_counter() - started
    return report


def _where_stopped(exc: BaseException, script: str) -> dict:
    import os

    frames = traceback.extract_tb(exc.__traceback__)
    own = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    user = [f for f in frames if not f.filename.startswith(own) and "runpy" not in f.filename
            and "site-packages" not in f.filename]
    frame = user[-1] if user else (frames[-1] if frames else None)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return {"type": type(exc).__name__, "message": message[:300],
            "file": frame.filename if frame else script, "line": frame.lineno if frame else None}


def _replacements(fix: Any) -> list[dict]:
    """The fix's text edits (1-based lines, 0-based columns), for SARIF ``artifactChanges``."""
    if fix.patch is None or getattr(fix, "cell", None) is not None:
        return []
    return [{"file": e.file, "start_line": e.start_line, "start_col": e.start_col, "end_line": e.end_line,
             "end_col": e.end_col, "text": e.text} for e in fix.edits]
