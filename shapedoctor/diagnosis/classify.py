"""Which family a caught Keras exception belongs to.

Keras's own words decide first (they name the check that failed), refined with what the
graph knows: a width error on a layer that was already called elsewhere is a reused layer
(SD106), not a plain wrong width (SD102). Other messages about shapes, ranks or axes are the
generic SD108 (fixes found by search); the rest return None, and ``run`` then re-raises the
user's exception untouched.
"""

from __future__ import annotations

import re

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def keras_message(exc: BaseException) -> str:
    """The meaningful line of a Keras error message (without the call-context wrapper)."""
    text = _ANSI.sub("", str(exc))
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("Exception encountered when calling"):
            continue
        if line.startswith("Arguments received by"):
            break
        if line.startswith("Could not automatically infer the output shape") and line.endswith("Error encountered:"):
            continue  # a custom layer's call failed on symbolic inputs: the next line is the real error
        return line
    return text.strip()


LAYER_FAMILIES = ("SD101", "SD102", "SD103", "SD104", "SD105", "SD106", "SD107")


def classify(message: str, consumer_cls: str) -> str | None:
    msg = message
    low = msg.lower()
    if "should be defined. found none" in low or ("fully-defined" in low and "variable" in low):
        return "SD107"
    if "total size of the tensor must be unchanged" in low or "cannot reshape array" in low:
        return "SD103"
    from shapedoctor.families.sd103_blocks import block_divisor

    if block_divisor(msg) is not None:
        return "SD103"  # depth_to_space: channels not a multiple of block**2
    if "zero or negative" in low or "negative dimension size" in low or "would be negative" in low:
        return "SD105"
    if consumer_cls in {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"} and (
        "shape" in low or "incompatible" in low
    ):
        return "SD104"
    if re.search(r"expected (min_|max_)?ndim=\d+", msg):
        return "SD101"
    if re.search(r"expected axis -?\d+ of input shape to have value", msg):
        return "SD102"
    shapes = expected_found_shapes(msg)
    if shapes is not None:
        expected, found = shapes
        return "SD101" if len(expected) != len(found) else "SD102"
    from shapedoctor.families.sd108_generic import SHAPE_WORDS
    from shapedoctor.messages import parse

    facts = parse(msg)  # the recognisers `explain` uses: one reading of a message for both
    if facts is not None and facts.family in LAYER_FAMILIES:
        return facts.family
    if SHAPE_WORDS.search(msg):
        return "SD108"  # raised by a Keras layer about shapes, but no specific family: search for fixes
    return None


def _tuple(text: str) -> tuple:
    items = [t.strip() for t in text.strip("()[] ").split(",") if t.strip()]
    return tuple(None if t == "None" else int(t) for t in items)


def expected_found_shapes(message: str) -> tuple[tuple, tuple] | None:
    """``expected shape=(None, 16), found shape=(None, 32)`` (a model's own input check), or a functional
    model's check of eager data: ``Expected shape (None, 4), but input has incompatible shape (4,)``."""
    m = re.search(r"expected shape=(\([^)]*\)), found shape=(\([^)]*\))", message) or re.search(
        r"Expected shape (\([^)]*\)), but input has incompatible shape (\([^)]*\))", message)
    if not m:
        return None
    try:
        return _tuple(m.group(1)), _tuple(m.group(2))
    except ValueError:
        return None
