"""Shape errors the recorder did not see a layer raise, read from their text as ``explain`` reads them.

The recorder catches a layer's refusal and a ``fit``/``evaluate``/``predict`` call's failure.
Other code raises shape errors too: a custom training loop calling a loss under a
``GradientTape``, a ``train_step`` of the user's own, a ``tf.data`` pipeline, a metric, a
backend op. Such an exception escapes with no recorded failure to trace back, but its text
says what ``explain`` needs (the loss, the shapes, the user's own frame). This module gives
it the same finding ``shapedoctor explain`` would give the pasted traceback, placed at the
user's innermost frame, its fixes marked as not verified (no graph to replay them on).

One case is answered better than from the text alone: the op received the batches of the data
a ``fit``/``evaluate``/``predict`` call was given, unchanged (``tf.concat([generated, real])``
inside a GAN's ``train_step``, real images (16, 28, 28) beside generated (16, 28, 28, 1)). Then
the data is the root cause (the line that made it) and the data transforms that give the shape
the op needs are written on the array the call was given; with no model clone to try them on,
each is checked by running the patched script (``needs_proof``), and only a proven one is
called verified.
"""

from __future__ import annotations

import os
import re
import traceback

from shapedoctor.report.model import Finding

_OWN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NOT_VERIFIED_NOTE = ("read from the error text: the exception was raised outside a layer shapedoctor records "
                     "(a custom training loop, a train_step, a metric or a data pipeline), so these fixes are "
                     "suggestions, not verified")


DATA_NOTE = ("the exception was raised outside a layer shapedoctor records (a custom training loop, a "
             "train_step, a metric or a data pipeline) by an op that received the data or labels as the "
             "program gave them: the fixes written on them are checked by running the patched script, the "
             "others read from the error text are suggestions, not verified")


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


def finding_from_exception_text(exc: BaseException, recorder=None) -> Finding | None:
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
    data = _data_fixes(facts, exc, recorder, text)
    note = NOT_VERIFIED_NOTE
    if data is not None:
        finding.culprit, fixes = data
        made_by = {m.group(1) for f in fixes if (m := re.search(r"(\w+)\(", f.code.split("=", 1)[-1]))}
        # The text's own version of a transform now written on the user's array is a duplicate.
        finding.fixes = fixes + [f for f in finding.fixes if not any(f"{name}(" in f.code for name in made_by)]
        note = DATA_NOTE
    finding.explanation = (finding.explanation + " " if finding.explanation else "") + f"({note}.)"
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


def _data_fixes(facts, exc: BaseException, recorder, text: str) -> tuple | None:
    """(the data's or labels' place, proof-checked fixes) when the failing op received the batches
    of the array a training call was given as x or y, unchanged; else None."""
    call = next((c for c in reversed(getattr(recorder, "training_calls", None) or []) if c.error is exc), None)
    if call is None or call.site is None:
        return None
    from shapedoctor.explain.text_fixes import shape_of

    got = shape_of(facts.received)
    if got is None:
        return None
    return _x_fixes(facts, call, got) or _y_fixes(facts, call, got, text)


def _as_given(shape, got: tuple) -> bool:
    """*got* is a batch of an array of *shape* (all axes after the first equal): the op saw it unchanged."""
    return isinstance(shape, tuple) and bool(shape) and all(isinstance(d, int) for d in shape) \
        and len(got) == len(shape) and tuple(got[1:]) == tuple(shape[1:])


def _proof_fix(call, position: int, keyword: str, how: str, title: str):
    from shapedoctor.patch.apply import SCRIPT_PROOF_NOTE, attach
    from shapedoctor.report.model import FixReport
    from shapedoctor.repair.codegen import argument_edit

    code = argument_edit(call.site, position, keyword, how)
    if code is None or not code.edits:
        return None
    fix = FixReport(title, code.code, code.file, code.line, verified=False, needs_proof=True,
                    note=f"no layer raised this, so {SCRIPT_PROOF_NOTE}")
    return attach(fix, code.edits)


def _x_fixes(facts, call, got: tuple) -> tuple | None:
    """The data lacks (or has) an axis the op needs: numpy transforms of x giving it that rank."""
    from shapedoctor.diagnosis.training import data_options
    from shapedoctor.diagnosis.training_fixes import data_place
    from shapedoctor.explain.text_fixes import shape_of
    from shapedoctor.repair.generators import shape_matches

    if not _as_given(call.x_shapes, got):
        return None  # the op saw something the program computed, not the data as given
    ndim = facts.details.get("expected_ndim")
    want = next((w for w in map(shape_of, facts.shapes) if w is not None and len(w) == ndim
                 and w[0] == got[0] and w != got), None) if ndim else None
    if want is None:
        want = (None,) * int(ndim) if ndim else None
    if want is None:
        return None
    target = (None,) + tuple(want[1:])
    fixes = []
    for how, shape, why in data_options((None,) + tuple(got[1:]), target):
        if how.startswith("np.expand_dims({v}, 0)") or not shape_matches(shape, target):
            continue  # the data has its samples axis: never one sample
        fix = _proof_fix(call, 0, "x", how, f"{why[:1].upper() + why[1:]} of the data given to {call.method}: "
                                            f"{how.format(v='x')}")
        if fix is not None:
            fixes.append(fix)
    return (data_place(call), fixes) if fixes else None


def _y_fixes(facts, call, got: tuple, text: str) -> tuple | None:
    """Labels reached a loss unchanged in the other encoding or shape than the output: the label
    transforms ``run`` offers for a compiled loss (to_categorical, argmax, ...), on the y given."""
    from shapedoctor.diagnosis.training import check_labels
    from shapedoctor.diagnosis.training_fixes import data_place
    from shapedoctor.explain.text_fixes import shape_of
    from shapedoctor.messages import hints

    if facts.family != "SD202" or not _as_given(call.y_shapes, got) or call.y is None:
        return None
    out = shape_of(facts.details.get("output_shape")) or next(
        (w for w in map(shape_of, facts.shapes) if w is not None and w != got and w and w[0] == got[0]), None)
    loss = facts.loss or hints.loss(text)  # the traceback text the facts were read from
    if out is None or not loss:
        return None
    try:
        prob = check_labels((None,) + tuple(out[1:]), call.y, call.y_shapes, loss, call.model, 0)
    except Exception:  # noqa: BLE001 - evidence only: a label check that cannot run gives no fix
        return None
    fixes = []
    for tf in (prob.fixes if prob is not None else []):
        if tf.kind == "labels" and tf.transform and not tf.whole:
            fix = _proof_fix(call, 1, "y", tf.transform, tf.title)
            if fix is not None:
                fixes.append(fix)
    return (data_place(call, "labels"), fixes) if fixes else None
