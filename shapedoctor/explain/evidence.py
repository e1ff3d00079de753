"""The numbers a text states, and the family rule restricted to sentences those numbers support.

Every sentence ``explain`` prints is built from the numbers of the text at hand, or from
the family's own rule. A family's *Why it breaks* text (shared with ``run`` and the docs)
illustrates the rule with an example, e.g. "a (64, units) kernel"; printed after an error
about 784 features that example reads as if it were about the user's model. So
:func:`rule` keeps only the sentences of the rule whose numbers all appear in the text.
"""

from __future__ import annotations

import re

from shapedoctor.families import get

# A number standing alone: not part of a name such as Conv2D, float32 or sd101.
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:\.\d+)?(?![A-Za-z0-9_])")
_BY = re.compile(r"(\d)x(?=\d)")  # "75x75" states 75 twice
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])")


def numbers_in(text: str) -> set[str]:
    """Every standalone number of *text*, as printed (``"784"``, ``"28"``)."""
    return set(NUMBER.findall(_BY.sub(r"\1 x ", text or "")))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def rule(family_id: str, stated: set[str]) -> str:
    """The family's *why*, without the sentences that carry numbers the text does not state."""
    kept = [s for s in sentences(get(family_id).why) if numbers_in(s) <= stated]
    return " ".join(kept)
