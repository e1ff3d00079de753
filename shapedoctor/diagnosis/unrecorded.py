"""Shape errors the recorder did not see a layer raise, read from their text as ``explain`` reads them.

The recorder catches a layer's refusal and a ``fit``/``evaluate``/``predict`` call's failure.
Other code raises shape errors too: a custom training loop calling a loss under a
``GradientTape``, a ``train_step`` of the user's own, a ``tf.data`` pipeline, a metric, a
backend op. Such an exception escapes with no recorded failure to trace back, but its text
says what ``explain`` needs (the loss, the shapes, the user's own frame). This module gives
it the same finding ``shapedoctor explain`` would give the pasted traceback, placed at the
user's innermost frame, its fixes marked as not verified (no graph to replay them on).
"""

from __future__ import annotations

import os
import traceback

from shapedoctor.report.model import Finding

_OWN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NOT_VERIFIED_NOTE = ("read from the error text: the exception was raised outside a layer shapedoctor records "
                     "(a custom training loop, a train_step, a metric or a data pipeline), so these fixes are "
                     "suggestions, not verified")


def user_traceback_text(exc: BaseException) -> str:
    """The traceback Python would print for *exc*, without shapedoctor's own frames."""
    te = traceback.TracebackException.from_exception(exc)
    seen = set()
    current = te
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [f for f in current.stack if not f.filename.startswith(_OWN_DIR) and "runpy" not in f.filename])
        current = current.__cause__ or current.__context__
    return "".join(te.format())


def finding_from_exception_text(exc: BaseException) -> Finding | None:
    """The finding ``explain`` gives *exc*'s traceback text, or None when it is not a shape error it knows."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError, RecursionError)):
        return None
    from shapedoctor.explain.from_text import finding_from_facts
    from shapedoctor.messages import parse

    try:
        text = user_traceback_text(exc)
    except Exception:  # noqa: BLE001 - an exception whose str() fails: nothing to read
        return None
    facts = parse(text)
    if facts is None:
        return None
    finding = finding_from_facts(facts)
    _place_at_user_frame(finding, exc)
    for fix in finding.fixes:
        fix.verified = False
    finding.explanation = (finding.explanation + " " if finding.explanation else "") + f"({NOT_VERIFIED_NOTE}.)"
    return finding


def _place_at_user_frame(finding: Finding, exc: BaseException) -> None:
    """The user's innermost frame, as the place of the culprit (or of the consumer when the text names none)."""
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import site_from_traceback

    site = site_from_traceback(exc.__traceback__)
    if site is None:
        return
    place = finding.culprit if finding.culprit is not None else finding.consumer
    if place is None:
        place = finding.consumer = Place(kind="layer")
    place.file, place.line, place.code = site.file, site.line, site.code
