"""``shapedoctor run``: run the script under the recorder, diagnose, render, pick the exit code."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback

from shapedoctor.report.model import Diagnosis, Finding, PathStep

_OWN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_command(script: str, argv: list[str], as_json: bool = False, show_traceback: bool = True,
                quick: bool = False, patch_mode: str | None = None, fix_number: int | None = None, timeout: float = 120.0,
                backup_suffix: str = ".orig") -> int:
    from shapedoctor.patch.apply import read_source
    from shapedoctor.trace.runner import run_script

    before = read_source(script)  # the text analysed: patches are made from it, writes check against it

    redirect = contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext()
    with redirect:  # with --json the script's own prints go to stderr, stdout is for the JSON
        outcome = run_script(script, argv, quick=quick, on_training_call=_preflight)
    exc = outcome.exception
    recorder = outcome.recorder
    diagnosis = Diagnosis(source="run", script=script)
    diagnosis.training_calls = [_call_summary(c) for c in recorder.training_calls]
    try:
        findings = diagnose_outcome(recorder, exc)
    except Exception as inner:  # noqa: BLE001 - our failure must never hide the user's error
        if exc is not None:
            _print_user_traceback(exc)
        print(f"shapedoctor: internal error while diagnosing ({type(inner).__name__}: {inner})", file=sys.stderr)
        return 1 if exc is not None else 2
    if exc is not None and not any(f.severity == "error" for f in findings):
        # Not a shape error we know: behave as Python would.
        _print_user_traceback(exc)
        if findings:
            diagnosis.findings = findings
            _render(diagnosis, as_json)
        return 130 if isinstance(exc, KeyboardInterrupt) else 1
    diagnosis.findings = findings
    if exc is not None and show_traceback:
        _print_user_traceback(exc)
    if exc is None:
        diagnosis.ok_paths = [_ok_path(run) for run in recorder.runs]
    _to_cells(diagnosis)
    if patch_mode is not None:
        from shapedoctor.app.patching import patch_step

        return patch_step(diagnosis, patch_mode, fix_number, argv, timeout, backup_suffix, as_json,
                          {os.path.realpath(script): before}, _render)
    _render(diagnosis, as_json)
    if exc is None and outcome.exit_code not in (None, 0):
        return outcome.exit_code
    return 0 if diagnosis.status == "ok" else 1


def _preflight(call) -> None:
    from shapedoctor.diagnosis.training import check

    call.findings = check(call)


def diagnose_outcome(recorder, exc: BaseException | None) -> list[Finding]:
    """Findings for a finished run: the error that escaped (if any) and the silent problems."""
    from shapedoctor.diagnosis.silent import merge_broadcast_findings
    from shapedoctor.diagnosis.training_fixes import findings_for

    findings: list[Finding] = []
    training_error = None
    if exc is not None:
        call = next((c for c in reversed(recorder.training_calls) if c.error is exc), None)
        if call is None and recorder.training_calls and recorder.training_calls[-1].error is not None:
            call = recorder.training_calls[-1]
        errors = [p for p in (call.findings if call else []) if _severity(p.family) == "error"]
        if call is not None and errors:
            training_error = findings_for(call, errors[:1], recorder)
    if training_error:
        findings += training_error
    elif exc is not None:
        from shapedoctor.diagnosis.engine import diagnose_exception

        finding = diagnose_exception(recorder, exc)
        if finding is not None:
            findings.append(_as_data_problem(finding, recorder, exc))
    # Silent problems seen along the way (warnings), once each.
    seen = {(f.id, f.message) for f in findings}
    for call in recorder.training_calls:
        warn = [p for p in call.findings if _severity(p.family) == "warning"]
        if call.error is None:
            # Predicted to fail but Keras ran it: the shapes broadcast silently.
            warn += [_as_silent(p) for p in call.findings if _severity(p.family) == "error"]
        for finding in findings_for(call, warn, recorder) if warn else []:
            if (finding.id, finding.message) not in seen:
                seen.add((finding.id, finding.message))
                findings.append(finding)
    for finding in merge_broadcast_findings(recorder):
        if (finding.id, finding.message) not in seen:
            seen.add((finding.id, finding.message))
            findings.append(finding)
    return findings


def _to_cells(diagnosis: Diagnosis) -> None:
    """Notebook runs: report program lines as (notebook, cell, line in cell)."""
    from shapedoctor.trace.notebook import display

    def move(obj):
        if obj is not None and getattr(obj, "file", None):
            obj.file, obj.line, cell = display(obj.file, obj.line)
            if cell is not None:
                obj.cell = cell

    for f in diagnosis.findings:
        move(f.consumer)
        move(f.culprit)
        for step in f.path:
            move(step)
        for fx in f.fixes:
            fx.program_file, fx.program_line = fx.file, fx.line
            move(fx)
    for path in diagnosis.ok_paths:
        for step in path:
            move(step)
    for call in diagnosis.training_calls:
        file, line, cell = display(call.get("file"), call.get("line"))
        call["file"], call["line"] = file, line
        if cell is not None:
            call["cell"] = cell


def _as_data_problem(finding: Finding, recorder, exc: BaseException) -> Finding:
    """A layer refused the data of a fit/predict/evaluate call: that is SD201 (data vs model),
    reported at the training call, with the line that made the data as the root cause."""
    call = next((c for c in reversed(recorder.training_calls) if c.error is exc), None)
    if call is None or finding.culprit is None or finding.culprit.kind != "data" or call.site is None:
        return finding
    from shapedoctor.diagnosis.training_fixes import _argument, _assignment_line
    from shapedoctor.families import get
    from shapedoctor.report.model import Place

    family = get("SD201")
    finding.id, finding.family = family.id, family.slug
    var = _argument(call.site, 0, "x")
    line = _assignment_line(call.site, var) or call.site.line
    import linecache

    finding.culprit = Place("data", var, "data", call.site.file, line,
                            linecache.getline(call.site.file, line).strip() or None)
    finding.consumer = Place("call", call.method, type(call.model).__name__, call.site.file, call.site.line,
                             call.site.code)
    return finding


def _as_silent(problem):
    """A problem on a call that succeeded: it was silent. Each check says what it becomes then
    (``Problem.silent_family``: SD204 for a broadcast loss, SD206 for extra output axes); the
    others (e.g. labels beyond the output's classes, which JAX does not range-check) keep their
    family and are reported as warnings."""
    if problem.silent_family:
        problem.family = problem.silent_family
    problem.silent = True
    return problem


def _severity(family_id: str) -> str:
    from shapedoctor.families import get

    return get(family_id).severity


def _call_summary(call) -> dict:
    from shapedoctor.diagnosis.training import loss_name, model_outputs
    from shapedoctor.graph.model import format_shape

    def shapes(s):
        if s is None:
            return None
        if isinstance(s, dict):
            return {k: format_shape(v) for k, v in s.items()}
        if isinstance(s, (list, tuple)) and s and isinstance(s[0], (tuple, type(None))):
            return [format_shape(v) for v in s]
        return format_shape(s)

    losses = call.loss
    return {
        "method": call.method,
        "file": call.site.file if call.site else None,
        "line": call.site.line if call.site else None,
        "x": shapes(call.x_shapes),
        "y": shapes(call.y_shapes),
        "loss": ([loss_name(v) for v in losses] if isinstance(losses, (list, tuple))
                 else {k: loss_name(v) for k, v in losses.items()} if isinstance(losses, dict) else loss_name(losses)),
        "output": [format_shape(o) for o in model_outputs(call.model)],
        "batched": call.batched,
        "quick": call.quick,
    }


def _render(diagnosis: Diagnosis, as_json: bool) -> None:
    if as_json:
        from shapedoctor.render.json import dumps

        print(dumps(diagnosis))
        return
    from rich.console import Console

    from shapedoctor.render.terminal import render

    import shutil

    # A terminal gets its own width; a pipe or file gets lines wide enough for paths and shapes.
    width = None if sys.stdout.isatty() else max(120, shutil.get_terminal_size((120, 24)).columns)
    Console(highlight=False, width=width).print(render(diagnosis))


def _ok_path(run) -> list[PathStep]:
    from shapedoctor.graph.model import format_shape

    steps = [PathStep("input", "data", format_shape(run.input_shape), run.site.file if run.site else None,
                      run.site.line if run.site else None)]
    for name, cls, shape, site in run.steps:
        steps.append(PathStep(name, cls, format_shape(shape), site.file if site else None, site.line if site else None))
    return steps


def _print_user_traceback(exc: BaseException) -> None:
    """The traceback Python would print, without shapedoctor's and runpy's own frames."""
    te = traceback.TracebackException.from_exception(exc)
    for current in _chain(te):
        current.stack = traceback.StackSummary.from_list(
            [f for f in current.stack if not f.filename.startswith(_OWN_DIR) and "runpy" not in f.filename]
        )
    sys.stderr.write("".join(te.format()))
    sys.stderr.flush()


def _chain(te: traceback.TracebackException):
    seen = set()
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        yield te
        te = te.__cause__ or te.__context__
