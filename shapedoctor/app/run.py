"""``shapedoctor run``: run the script under the recorder, diagnose, render, pick the exit code."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback

from shapedoctor import pipeline
from shapedoctor.patch import interrupts
from shapedoctor.report.model import Diagnosis


def run_command(script: str, argv: list[str], as_json: bool = False, show_traceback: bool = True,
                quick: bool = False, patch_mode: str | None = None, fix_number: int | None = None, timeout: float = 120.0,
                backup_suffix: str = ".orig", html_path: str | None = None, open_browser: bool = False) -> int:
    from shapedoctor.patch.apply import read_source
    from shapedoctor.trace.runner import run_script

    before = read_source(script)  # the text analysed: patches are made from it, writes check against it
    home = os.getcwd()  # the script may chdir: patches resolve their paths from here
    if html_path is not None:
        html_path = os.path.join(home, html_path)  # ... and so does the report

    redirect = contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext()
    interrupts.checkpoint()  # a Ctrl-C lost while loading Keras: the script does not start
    with redirect, interrupts.released():  # with --json the script's own prints go to stderr; Ctrl-C is the script's
        outcome = run_script(script, argv, quick=quick, on_training_call=pipeline.preflight)
    exc = outcome.exception
    # An exception that ended a thread was printed by Python's threading.excepthook already;
    # the program went on. Diagnose the first one when nothing escaped the main thread.
    thread_exc = outcome.thread_exceptions[0] if exc is None and outcome.thread_exceptions else None
    try:
        diagnosis = pipeline.diagnose(outcome.recorder, exc or thread_exc, source="run", script=script)
    except Exception as inner:  # noqa: BLE001 - our failure must never hide the user's error
        if exc is not None:
            print_user_traceback(exc)
        print(f"shapedoctor: internal error while diagnosing ({type(inner).__name__}: {inner})", file=sys.stderr)
        if os.environ.get("SHAPEDOCTOR_DEBUG"):  # where our own code failed, for a bug report
            traceback.print_exception(inner, file=sys.stderr)
        return 1 if exc is not None else 2
    if os.environ.get("SHAPEDOCTOR_DEBUG"):
        report_internal_errors(outcome.recorder, sys.stderr)
    if thread_exc is not None:
        if not any(f.severity == "error" for f in diagnosis.findings):
            # Not a shape error we know: Python's exit code, and no "no shape problem" claim.
            diagnosis.notes.append(f"a thread ended with {type(thread_exc).__name__}, which is not a shape "
                                   "problem shapedoctor recognises: no verdict")
            if as_json:
                render_diagnosis(diagnosis, as_json)
            else:
                print(f"shapedoctor: note: {diagnosis.notes[-1]}")
            return outcome.exit_code or 0
        show_traceback = False  # printed by the thread already, as under python
    if exc is not None and not any(f.severity == "error" for f in diagnosis.findings):
        # Not a shape error we know: behave as Python would.
        print_user_traceback(exc)
        if diagnosis.findings or as_json:  # --json always answers: status "error", no verdict
            pipeline.to_cells(diagnosis)
            render_diagnosis(diagnosis, as_json)
        if html_path is not None or open_browser:
            from shapedoctor.app.html_report import emit

            emit(diagnosis, outcome.recorder, html_path, open_browser)
        if isinstance(exc, KeyboardInterrupt):
            from shapedoctor.trace.runner import exit_as_interrupted

            return exit_as_interrupted()
        return 1
    if exc is not None and show_traceback:
        print_user_traceback(exc)
    render = render_diagnosis
    if html_path is not None or open_browser:
        from shapedoctor.app.html_report import add_model_pictures, emit

        add_model_pictures(diagnosis, outcome.recorder)  # before the JSON, which then carries them too

        def render(d: Diagnosis, json_out: bool) -> None:
            render_diagnosis(d, json_out)
            emit(d, outcome.recorder, html_path, open_browser)

    if exc is not None or any(fx.needs_proof for fx in diagnosis.fixes):
        from shapedoctor.app.patching import prove_in_run

        try:
            prove_in_run(diagnosis, argv, {os.path.realpath(script): before}, timeout, progress=not as_json)
        except KeyboardInterrupt:  # the proof is already killed; say so instead of a traceback
            interrupts.clear()
            print("\nshapedoctor: interrupted while proving; nothing was written", file=sys.stderr)
            return 130
    pipeline.to_cells(diagnosis)
    if patch_mode is not None:
        from shapedoctor.app.patching import patch_step

        return patch_step(diagnosis, patch_mode, fix_number, argv, timeout, backup_suffix, as_json,
                          {os.path.realpath(os.path.join(home, script)): before}, render, home=home)
    render(diagnosis, as_json)
    if exc is None and outcome.exit_code not in (None, 0):
        return outcome.exit_code
    return 0 if diagnosis.status == "ok" else 1


def report_internal_errors(recorder, stream) -> int:
    """Print each error shapedoctor's own code raised and kept quiet while the program ran (a pre-flight check
    that failed leaves the run to the error text, unverified): with ``SHAPEDOCTOR_DEBUG=1``, for a bug report.
    Returns how many were printed."""
    errors = list(getattr(recorder, "internal_errors", None) or [])
    for err in errors:
        print(f"shapedoctor: internal error kept quiet during the run ({type(err).__name__}: {err})", file=stream)
        traceback.print_exception(err, file=stream)
    return len(errors)


def render_diagnosis(diagnosis: Diagnosis, as_json: bool) -> None:
    """Print *diagnosis* on stdout: JSON, or the rich terminal report."""
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


def print_user_traceback(exc: BaseException) -> None:
    """The traceback Python would print, without shapedoctor's and runpy's own frames."""
    from shapedoctor.diagnosis.unrecorded import user_traceback_text

    sys.stderr.write(user_traceback_text(exc))
    sys.stderr.flush()
