"""diagnose_text: a pasted error text in, a Diagnosis(source="text") out.

The text is recognised by :func:`shapedoctor.messages.parse` (no Keras, no backend), the
facts are turned into the same what / where / why / fix structure ``shapedoctor run``
produces (:mod:`shapedoctor.explain.advice`), and the notes say honestly what a text cannot
tell. An unrecognised text gives a Diagnosis without findings (status "ok" in JSON terms;
the command reports it as "not a shape error I know").
"""

from __future__ import annotations

from typing import Optional

from shapedoctor.explain.advice import RUN_HINT, Advice, advise
from shapedoctor.explain.data_classes import special_advice
from shapedoctor.families import get
from shapedoctor.messages import parse
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import Diagnosis, Finding, Place

_DIALECTS = {
    "keras3": "Keras 3",
    "tf.keras": "tf.keras 2.x",
    "keras2": "Keras 2 (standalone, before 2.4)",
    "tensorflow": "a TensorFlow op",
    "jax": "a JAX op",
    "torch": "a PyTorch op",
    "numpy": "NumPy",
}
_BACKENDS = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}


def describe_source(facts: ErrorFacts) -> Optional[str]:
    """``Keras 3 on the JAX backend`` and the like, from the dialect/backend facts."""
    who = _DIALECTS.get(facts.dialect or "")
    backend = _BACKENDS.get(facts.backend or "")
    if who and backend and facts.dialect not in ("tensorflow", "jax", "torch"):
        return f"{who} on the {backend} backend"
    return who or (f"the {backend} backend" if backend else None)


def _place_where(facts: ErrorFacts, advice: Advice) -> None:
    """Attach the user's own traceback frame: to the data/labels when they are the culprit, else to the layer."""
    where = facts.details.get("where")
    if not where:
        return
    if advice.culprit is not None:
        place = advice.culprit
    else:
        if advice.consumer is None:
            advice.consumer = Place(kind="layer")
        place = advice.consumer
    place.file, place.line, place.code = where.get("file"), where.get("line"), where.get("code")


def _advise(facts: ErrorFacts) -> Advice:
    """Data slips whose messages name no shape first (:mod:`shapedoctor.explain.data_classes`), then the families."""
    try:
        special = special_advice(facts)
    except Exception:  # noqa: BLE001 - text read from a paste can be anything; the family advice still applies
        special = None
    return special or advise(facts)


def finding_from_facts(facts: ErrorFacts, advice: Optional[Advice] = None) -> Finding:
    """The Finding for *facts* (``shapedoctor run`` may use it for a caught exception's text)."""
    family = get(facts.family)
    advice = advice or _advise(facts)
    _place_where(facts, advice)
    return Finding(
        id=family.id,
        family=family.slug,
        severity=family.severity,
        message=advice.message,
        consumer=advice.consumer,
        culprit=advice.culprit,
        expected=facts.expected,
        received=facts.received,
        explanation=advice.explanation,
        fixes=advice.fixes,
        keras_message=facts.key_line or None,
    )


def diagnosis_from_facts(facts: ErrorFacts) -> Diagnosis:
    advice = _advise(facts)
    finding = finding_from_facts(facts, advice)
    notes = []
    source = describe_source(facts)
    lead = f"Explained from the error text alone ({source})." if source else "Explained from the error text alone."
    where = facts.details.get("where")
    surfaced = ""
    if where and where.get("file"):
        code = f" (`{where['code']}`)" if where.get("code") else ""
        if advice.culprit is not None:
            surfaced = f" The {advice.culprit.kind} reached Keras at {where['file']}:{where['line']}{code}."
        else:
            surfaced = f" It surfaced at {where['file']}:{where['line']}{code}; the cause may be earlier."
    notes.append(
        f"{lead}{surfaced} {advice.cannot_tell} These fixes are suggestions, not verified; {RUN_HINT}.".replace("  ", " ")
    )
    return Diagnosis(findings=[finding], source="text", notes=notes)


def diagnose_text(text: str) -> Diagnosis:
    """Diagnose a pasted Keras/TensorFlow/JAX/PyTorch shape error from its text."""
    facts = parse(text)
    if facts is None:
        return Diagnosis(findings=[], source="text", notes=["not a shape error I know"])
    return diagnosis_from_facts(facts)
