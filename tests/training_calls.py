"""Diagnose a script written in a test in this process (real Keras): the whole script under the
recorder (``diagnose_script``, ``diagnose_as_run``), or one training call of it, as `run` would
(``diagnose_training_call``); a fix's edits applied to its script and run (``runs_patched``); a
script written by ``shapedoctor run --write`` and run with plain python (``written_by_run``).

The script's text is written to a file so that culprit and fix lines point into it; the call
(``fit``, ``predict``, ...) is captured with the test's own model and arrays at the first line
calling that method, checked, and turned into findings.
"""

from __future__ import annotations

import linecache
import os
import subprocess
import sys

from shapedoctor.diagnosis.training import check
from shapedoctor.diagnosis.training_fixes import findings_for
from shapedoctor.trace.sites import Site
from shapedoctor.trace.training import capture
from warm_cli import run_shapedoctor


def write_script(tmp_path, text: str, name: str = "script.py"):
    """*text* saved as *name* in *tmp_path* (and seen fresh by linecache): the script's path."""
    script = tmp_path / name
    script.write_text(text)
    linecache.checkcache(str(script))
    return script


def diagnose_script(script, **run_options):
    """(outcome, diagnosis) of *script* run under the recorder in this process, then diagnosed by
    the one pipeline (``run_options`` go to ``run_script``, e.g. ``quick=True``)."""
    from shapedoctor import pipeline
    from shapedoctor.trace.runner import run_script

    linecache.checkcache(str(script))
    outcome = run_script(str(script), [], **run_options)
    return outcome, pipeline.diagnose(outcome.recorder, outcome.exception)


def diagnose_training_call(script, source: str, model, args: tuple, method: str = "fit"):
    """(problems, findings) of ``model.<method>(*args)`` written in *source*, saved as *script*."""
    script.write_text(source)
    linecache.checkcache(str(script))
    line = next(i for i, text in enumerate(source.splitlines(), 1) if f".{method}(" in text)
    call, _, _ = capture(method, model, Site(str(script), line, source.splitlines()[line - 1]), args, {})
    problems = check(call)
    return problems, findings_for(call, problems) if problems else []


HEAD = "import numpy as np\nimport keras\nfrom keras import layers\n\n"


def write_body(tmp_path, body: str, name: str = "script.py"):
    """*body* after the usual imports (``HEAD``), saved as *name* in *tmp_path*."""
    return write_script(tmp_path, HEAD + body, name)


def diagnose_as_run(script):
    """(outcome, diagnosis) of *script* the way `run` makes them (quick training calls, preflight checks)."""
    from shapedoctor import pipeline

    return diagnose_script(script, quick=True, on_training_call=pipeline.preflight)


def runs_patched(tmp_path, fix) -> bool:
    """The fix's edits applied to its script, run to the end in this process."""
    from shapedoctor.patch.apply import make_patch
    from shapedoctor.trace.runner import run_script

    patch = make_patch(fix.edits)
    assert patch is not None, fix.proof
    patched = tmp_path / "patched.py"
    patched.write_text(patch.after)
    linecache.checkcache(str(patched))
    return run_script(str(patched), [], quick=True).exception is None


def data_finding(script, family: str = "SD201"):
    """The *family* finding of *script* diagnosed as `run` does (:func:`diagnose_as_run`)."""
    _outcome, diagnosis = diagnose_as_run(script)
    return next(f for f in diagnosis.findings if f.id == family)


def first_fix_on(script, made: str, family: str = "SD201"):
    """The finding's first fix: verified, written on the first line containing *made* (the line that
    made the data), which is the finding's culprit."""
    finding = data_finding(script, family)
    line = next(i for i, text in enumerate(script.read_text().splitlines(), 1) if made in text)
    assert finding.culprit.line == line
    first = finding.fixes[0]
    assert first.verified and first.line == finding.culprit.line
    return first


def written_by_run(tmp_path, name: str = "script.py") -> str:
    """``shapedoctor run --write`` on *name* in *tmp_path* (it must exit 0), then the written script
    run with plain python (it must exit 0 too): the written text."""
    proc = run_shapedoctor(["run", "--write", name], tmp_path, dict(os.environ), 600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    written = (tmp_path / name).read_text()
    plain = subprocess.run([sys.executable, name], cwd=tmp_path, capture_output=True, check=False, text=True)
    assert plain.returncode == 0, plain.stderr[-2000:]
    return written
