"""The family record: one kind of shape problem, its stable id and its documentation.

A *family* is to shapedoctor what a rule is to ruff: a stable code (``SD101``), a
short slug, and the four documentation parts *What it is*, *Why it breaks*,
*Example* and *Use instead*. Each family module under :mod:`shapedoctor.families`
defines one :class:`Family` and registers it with :func:`register`; the command
line, the JSON output, ``shapedoctor explain`` and ``docs/families.md`` all read the
same records, so there is one source of truth for ids and texts.

This module must stay importable without Keras (``explain`` never imports it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

__all__ = ["Family", "register", "get", "all_families"]


@dataclass(frozen=True)
class Family:
    """Identity and documentation of one family of shape problems."""

    id: str  # stable code, e.g. "SD101"
    slug: str  # short kebab-case name, e.g. "wrong-rank"
    title: str  # one line, e.g. "A layer received a tensor of the wrong rank"
    what: str  # *What it is*
    why: str  # *Why it breaks* (plain words, batch axis, rank, ...)
    example: str  # a two-to-five line buggy snippet
    use_instead: str  # the same snippet, repaired
    severity: str = "error"  # "error" or "warning" (silent problems)
    # Hints used when only the error text is known (``shapedoctor explain``):
    # plain-language repair suggestions, each a one-liner.
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    # Optional hook: given a candidate-generation context, yield repair candidates.
    # Filled in by the family module; None for text-only families.
    fixes: Callable | None = field(default=None, compare=False, repr=False)


_REGISTRY: dict[str, Family] = {}


def register(family: Family) -> Family:
    """Add *family* to the catalogue (idempotent for the same id and object)."""
    existing = _REGISTRY.get(family.id)
    if existing is not None and existing.slug != family.slug:
        raise ValueError(f"family id {family.id} registered twice ({existing.slug}, {family.slug})")
    _REGISTRY[family.id] = family
    return family


def get(family_id: str) -> Family:
    """The family with this id; raises KeyError for an unknown id."""
    from shapedoctor import families  # noqa: F401  (imports every family module)

    return _REGISTRY[family_id]


def all_families() -> list[Family]:
    """Every registered family, sorted by id."""
    from shapedoctor import families  # noqa: F401

    return [_REGISTRY[k] for k in sorted(_REGISTRY)]
