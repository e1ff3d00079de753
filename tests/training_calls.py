"""Diagnose one training call of a script written in a test, as `run` would (real Keras, no run).

The script's text is written to a file so that culprit and fix lines point into it; the call
(``fit``, ``predict``, ...) is captured with the test's own model and arrays at the first line
calling that method, checked, and turned into findings.
"""

from __future__ import annotations

import linecache

from shapedoctor.diagnosis.training import check
from shapedoctor.diagnosis.training_fixes import findings_for
from shapedoctor.trace.sites import Site
from shapedoctor.trace.training import capture


def diagnose_training_call(script, source: str, model, args: tuple, method: str = "fit"):
    """(problems, findings) of ``model.<method>(*args)`` written in *source*, saved as *script*."""
    script.write_text(source)
    linecache.checkcache(str(script))
    line = next(i for i, text in enumerate(source.splitlines(), 1) if f".{method}(" in text)
    call, _, _ = capture(method, model, Site(str(script), line, source.splitlines()[line - 1]), args, {})
    problems = check(call)
    return problems, findings_for(call, problems) if problems else []
