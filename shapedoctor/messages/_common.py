"""Helpers shared by the recogniser modules: key lines and the InputSpec fact builders.

Keras 3, tf.keras and Keras 2 word their InputSpec errors differently but state the same
facts (layer, expected rank or axis size, received shape). The builders here turn those
facts into :class:`ErrorFacts` the same way for every dialect, with the families
``shapedoctor run`` uses: a layer output of the wrong rank is SD101, of the wrong size on a
fixed axis SD102; when the offending tensor is the user's data given to fit/predict
(``details["data"]``), it is SD201, as ``run``'s checks of fit/predict calls say.
"""

from __future__ import annotations

import re
from typing import Optional

from shapedoctor.messages import hints
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.normalize import Block


class lazy:
    """A regular expression compiled on first use.

    Recognisers are only called on blocks that contain their needles, so most of their
    patterns are never needed in a given run; compiling them lazily keeps the import of
    :mod:`shapedoctor.messages` (and so ``shapedoctor explain``) fast.
    """

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: Optional[re.Pattern] = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, *args) -> Optional[re.Match]:
        return self.compiled.search(text, *args)

    def match(self, text: str, *args) -> Optional[re.Match]:
        return self.compiled.match(text, *args)

    def finditer(self, text: str, *args):
        return self.compiled.finditer(text, *args)


# A printed shape as it appears in messages (tuple, list, torch.Size).
SHAPE = r"(?:torch\.Size\(\[[^\]\n]{0,200}\]\)|\([^()\n]{0,300}\)|\[[^\[\]\n]{0,300}\])"


OP_LIBRARIES = ("tensorflow", "jax", "torch", "numpy")


def split_origin(dialect: Optional[str]) -> tuple[Optional[str], dict]:
    """A Keras dialect stays the dialect; an op library goes to ``details["message_from"]``."""
    if dialect in OP_LIBRARIES:
        return None, {"message_from": dialect}
    return dialect, {}


def line_at(text: str, pos: int) -> str:
    """The whole line of *text* that contains position *pos*."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end != -1 else len(text)].strip()


def search(pattern: re.Pattern, block: Block) -> Optional[re.Match]:
    return pattern.search(block.text)


def first_shape(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    found = sh.find_shapes(text, limit=1)
    return found[0] if found else None


def with_wrapper(facts: ErrorFacts, block: Block) -> ErrorFacts:
    """Take layer name/class from the call Keras wrapped around the error, if unknown."""
    cls, name, _ = hints.wrapper(block.text)
    if cls and cls not in hints.MODELS:
        if facts.layer is None and name:
            facts.layer = name
        if facts.layer_class is None:
            facts.layer_class = cls
    return facts


def rank_facts(
    block: Block,
    key_line: str,
    layer: Optional[str],
    expected_ndim: int,
    found_ndim: int,
    kind: str,
    received: Optional[str],
    dialect: Optional[str],
) -> ErrorFacts:
    """SD101 (or SD201 when the offending tensor is the user's data)."""
    kind = (kind or "").strip("_")
    op = {"": "=", "min": ">=", "max": "<="}.get(kind, "=")
    expected = f"ndim{op}{expected_ndim}"
    shape = sh.norm(received) if received else None
    ph = hints.phase(block.context)
    data = hints.looks_like_data(block.text, layer, shape, ph)
    facts = ErrorFacts(
        family="SD201" if data else "SD101",
        key_line=key_line,
        layer=layer,
        expected=expected,
        received=shape or f"ndim={found_ndim}",
        dialect=dialect,
        phase=ph,
        details={"expected_ndim": expected_ndim, "found_ndim": found_ndim, "ndim_check": kind or "exact", "data": data},
    )
    return with_wrapper(facts, block) if not layer else facts


def axis_facts(
    block: Block,
    key_line: str,
    layer: Optional[str],
    axis: int,
    value: int,
    received: Optional[str],
    dialect: Optional[str],
) -> ErrorFacts:
    """SD102 (or SD201 when the offending tensor is the user's data)."""
    shape = sh.parse_shape(received) if received else None
    expected = None
    if shape:
        dims = list(shape)
        if -len(dims) <= axis < len(dims):
            dims[axis] = value
        dims[0] = None
        expected = sh.fmt(dims)
    got = sh.fmt(shape) if shape else received
    ph = hints.phase(block.context)
    data = hints.looks_like_data(block.text, layer, got, ph)
    return ErrorFacts(
        family="SD201" if data else "SD102",
        key_line=key_line,
        layer=layer,
        expected=expected or f"{value} on axis {axis}",
        received=got,
        dialect=dialect,
        phase=ph,
        details={
            "axis": axis,
            "expected_size": value,
            "received_size": shape[axis] if shape and -len(shape) <= axis < len(shape) else None,
            "data": data,
        },
    )


def shape_facts(
    block: Block,
    key_line: str,
    layer: Optional[str],
    expected: Optional[str],
    received: Optional[str],
    dialect: Optional[str],
    data: Optional[bool] = None,
) -> ErrorFacts:
    """A whole-shape check (a model's declared input): SD201 for data, else SD101 (rank) / SD102."""
    exp = sh.parse_shape(expected) if expected else None
    got = sh.parse_shape(received) if received else None
    ph = hints.phase(block.context)
    if data is None:
        data = hints.looks_like_data(block.text, layer, sh.fmt(got) if got else None, ph)
    family = "SD101" if (exp is not None and got is not None and len(exp) != len(got)) else "SD102"
    if data:
        family = "SD201"
    details = {"data": data}
    if exp is not None and got is not None:
        details.update({"expected_ndim": len(exp), "found_ndim": len(got), "ndim_check": "exact"})
        if len(exp) == len(got) and exp[-1] != got[-1]:
            details.update({"axis": -1, "expected_size": exp[-1], "received_size": got[-1]})
    return ErrorFacts(
        family=family,
        key_line=key_line,
        layer=layer,
        expected=sh.fmt(exp) if exp is not None else expected,
        received=sh.fmt(got) if got is not None else received,
        dialect=dialect,
        phase=ph,
        details=details,
    )
