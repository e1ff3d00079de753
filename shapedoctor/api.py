"""``shapedoctor.diagnose(model, x, y, loss)``: the Python API, same Diagnosis as the CLI.

Nothing here changes the model's weights: the checks read shapes and a few samples, and
fixes are verified on clones of the model.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.report.model import Diagnosis


def diagnose(model: Any, x: Any = None, y: Any = None, loss: Any = None) -> Diagnosis:
    """Check *model* against data *x*, labels *y* and *loss* (default: the compiled loss).

    Returns a :class:`~shapedoctor.report.model.Diagnosis` with ``.findings``, ``.fixes``,
    ``.ok``, ``.to_json()`` and a rich rendering (``rich.print(diagnosis)``).
    """
    from shapedoctor.pipeline import call_summary
    from shapedoctor.diagnosis.silent import merge_broadcast_findings
    from shapedoctor.diagnosis.training import check
    from shapedoctor.diagnosis.training_fixes import findings_for
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import user_site
    from shapedoctor.trace.training import capture

    method = "predict" if y is None else "fit"
    args = (x,) if y is None else (x, y)
    call, _, _ = capture(method, model, user_site(2), args, {})
    if loss is not None:
        call.loss = loss
    recorder = rec.CURRENT
    diagnosis = Diagnosis(source="api")
    diagnosis.findings = findings_for(call, check(call), recorder)
    if recorder is not None:
        diagnosis.findings += [f for f in merge_broadcast_findings(recorder)
                               if f.message not in {g.message for g in diagnosis.findings}]
    diagnosis.training_calls = [call_summary(call)]
    return diagnosis
