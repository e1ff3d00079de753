"""``shapedoctor run``: run the script under the recorder, diagnose, render, pick the exit code."""

from __future__ import annotations

import os
import sys
import traceback

from shapedoctor.report.model import Diagnosis, PathStep

_OWN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_command(script: str, argv: list[str], as_json: bool = False, show_traceback: bool = True) -> int:
    from shapedoctor.trace.runner import run_script

    if as_json:  # keep stdout for the JSON: the script's own prints go to stderr
        import contextlib

        with contextlib.redirect_stdout(sys.stderr):
            outcome = run_script(script, argv)
    else:
        outcome = run_script(script, argv)
    exc = outcome.exception
    diagnosis = Diagnosis(source="run", script=script)
    if exc is not None:
        finding = None
        try:
            from shapedoctor.diagnose.engine import diagnose_exception

            finding = diagnose_exception(outcome.recorder, exc)
        except Exception as inner:  # noqa: BLE001 - our failure must never hide the user's error
            _print_user_traceback(exc)
            print(f"shapedoctor: internal error while diagnosing ({type(inner).__name__}: {inner}); "
                  "the traceback above is your program's.", file=sys.stderr)
            return 1
        if finding is None:
            if isinstance(exc, KeyboardInterrupt):
                return 130
            _print_user_traceback(exc)
            return 1
        diagnosis.findings.append(finding)
        if show_traceback:
            _print_user_traceback(exc)
    else:
        diagnosis.ok_paths = [_ok_path(run) for run in outcome.recorder.runs]
    _render(diagnosis, as_json)
    if exc is None and outcome.exit_code not in (None, 0):
        return outcome.exit_code
    return 0 if diagnosis.status == "ok" else 1


def _render(diagnosis: Diagnosis, as_json: bool) -> None:
    if as_json:
        from shapedoctor.render.json import dumps

        print(dumps(diagnosis))
        return
    from rich.console import Console

    from shapedoctor.render.terminal import render

    Console(highlight=False).print(render(diagnosis))


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
