"""What every family's advice shares: the Advice record, the small helpers, and ``advise()``.

:func:`advise` asks ``run``'s ranking first (:func:`shapedoctor.explain.text_fixes.run_ranked_fixes`:
the family's own ``fixes(ctx)`` generator on what the text states) and then the family's
advisor, registered here with :func:`advisor` by the modules of this package. An advisor
writes the message and explanation from the text's own numbers and adds only the fixes the
generator cannot give (edits in the data or upstream, whose place the text does not show).
Everything is *suggested*: ``FixReport.verified`` is always False.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from shapedoctor.explain import text_fixes as tf
from shapedoctor.explain.evidence import numbers_in, rule
from shapedoctor.families import get
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport, Place

RUN_HINT = "run `shapedoctor run your_script.py` for the root cause in your code and fixes verified with Keras"

shape_of = tf.shape_of  # a shape from its printed form; None when unknown or a scalar


@dataclass
class Advice:
    message: str
    explanation: str
    fixes: list[FixReport] = field(default_factory=list)
    consumer: Optional[Place] = None
    culprit: Optional[Place] = None
    cannot_tell: str = ""  # what the text alone cannot tell
    # The text alone rules run's ranked fixes out (they would change what the error shows is right).
    replaces_ranked: bool = False


# An advisor: (the facts, run's ranked fixes for them) -> Advice.
Advisor = Callable[[ErrorFacts, list], Advice]
ADVISORS: dict[str, Advisor] = {}


def advisor(*family_ids: str) -> Callable[[Advisor], Advisor]:
    """Register the decorated function as the advisor of *family_ids*."""

    def register(fn: Advisor) -> Advisor:
        for family_id in family_ids:
            ADVISORS[family_id] = fn
        return fn

    return register


# --- small helpers -------------------------------------------------------------------------


def who(f: ErrorFacts) -> str:
    """``lstm (LSTM)``, ``dense``, ``Reshape``, or ``the layer``."""
    if f.layer and f.layer_class and f.layer_class.lower() != f.layer.lower():
        return f"{f.layer} ({f.layer_class})"
    return f.layer or f.layer_class or "the layer"


def stated(f: ErrorFacts) -> set[str]:
    """The numbers the error text states (its key line and the shapes read from it)."""
    parts = [f.key_line, f.expected or "", f.received or "", " ".join(f.shapes)]
    parts += [str(v) for v in f.details.values() if isinstance(v, (int, str, list, tuple))]
    return numbers_in(" ".join(parts))


def rule_for(family_id: str, f: ErrorFacts) -> str:
    """The family's own rule, without example sentences whose numbers the text does not state."""
    return rule(family_id, stated(f))


def fix(title: str, code: str = "", note: Optional[str] = None, result_shape: Optional[str] = None) -> FixReport:
    """A suggested (unverified) fix."""
    return FixReport(title=title, code=code, verified=False, note=note, result_shape=result_shape)


_BACKTICK = re.compile(r"`([^`]{1,200})`")


def _looks_like_code(s: str) -> bool:
    return any(c in s for c in "(=._")


def generic_fixes(family_id: str, f: ErrorFacts, limit: int = 3) -> list[FixReport]:
    """The family's own suggestions; their `backticked` parts that look like code become the code.

    A suggestion with an example number the text does not state is left out."""
    out = []
    known = stated(f)
    for text in [t for t in get(family_id).suggestions if numbers_in(t) <= known][:limit]:
        code = "\n".join(c for c in _BACKTICK.findall(text) if _looks_like_code(c))
        out.append(fix(text[0].upper() + text[1:], code))
    return out


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def dims(shape) -> str:
    """``28, 28`` for (28, 28): the inside of a printed shape."""
    return ", ".join("None" if d is None else str(d) for d in shape)


def layer_place(f: ErrorFacts, kind: str = "layer") -> Optional[Place]:
    if f.layer or f.layer_class:
        return Place(kind=kind, layer=f.layer, cls=f.layer_class)
    return None


def _tidy(fixes: list[FixReport]) -> list[FixReport]:
    """No duplicate titles or code; the first fix does not start with "Or"."""
    seen, out = set(), []
    for fx in fixes:
        code = fx.code.strip()
        if fx.title in seen or (code and code in seen):
            continue
        seen.update({fx.title, code} - {""})
        out.append(fx)
    if out and out[0].title.startswith("Or "):
        out[0].title = cap(out[0].title[3:])
    return out


# --- dispatch ------------------------------------------------------------------------------


def generic(f: ErrorFacts, ranked: list = ()) -> Advice:
    """A family without an advisor of its own: its title, its rule and its suggestions."""
    fam = get(f.family)
    message = fam.title[0].lower() + fam.title[1:]
    return Advice(message, rule_for(f.family, f), generic_fixes(f.family, f), consumer=layer_place(f),
                  cannot_tell="The text alone says little about the cause.")


def advise(facts: ErrorFacts) -> Advice:
    """The advice for *facts*: run's ranked fixes first, then what the family's advisor adds.

    Shapes read from a text can be anything (a scalar ``()``, a mangled paste), so an
    advisor that stumbles falls back to :func:`generic` rather than crash explain.
    """
    try:
        ranked = tf.run_ranked_fixes(facts)
        advice = ADVISORS.get(facts.family, generic)(facts, ranked)
        advice.fixes = _tidy(advice.fixes if advice.replaces_ranked else ranked + advice.fixes)
    except Exception:
        if os.environ.get("SHAPEDOCTOR_DEBUG"):
            raise
        advice = generic(facts)
        advice.fixes = _tidy(advice.fixes)
    return advice
