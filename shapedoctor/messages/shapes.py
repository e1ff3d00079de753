"""Read the shapes printed by Keras, TensorFlow, JAX, PyTorch and NumPy, and print them one way.

Error messages spell the same shape in many ways: ``(None, 1)``, ``[?,1]``, ``[None 1]``,
``torch.Size([32, 1])``, ``32x1``, ``TensorShape([None, 1])``. :func:`parse_shape` turns any of
them into a tuple of ``int | None`` and :func:`fmt` prints the tuple the way Keras does,
``(None, 1)`` and ``(64,)``, so that findings compare and read the same whatever the source.
Every pattern here is linear (no nested repetition) and runs on one short string.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

Shape = tuple  # tuple[int | None, ...]

# One dimension: an integer, None, ?, -1 (unknown in TF graphs).
_DIM = re.compile(r"-?\d+|None|\?")
# A shape literal anywhere in a line. Dimensions must be separated by a comma or by
# whitespace, so each input has one parse and a failed match costs linear time.
_TOK = r"(?:-?\d{1,12}|None|\?)"
_SEQ = rf"{_TOK}(?:\s*,\s*{_TOK}|\s+{_TOK}){{0,15}}(?:\s*,)?\s*"
SHAPE_RE = re.compile(
    r"torch\.Size\(\[[^\]\n]{0,200}\]\)"
    r"|TensorShape\(\[[^\]\n]{0,200}\]\)"
    rf"|\(\s*(?:{_SEQ})?\)"
    rf"|\[\s*{_SEQ}\]"
)
# "32x1" as printed by PyTorch's matmul errors.
_TIMES_RE = re.compile(r"^(\d+)x(\d+)$")


def parse_shape(text: str | None) -> Optional[Shape]:
    """Parse one printed shape; ``None`` when *text* is not a shape."""
    if text is None:
        return None
    s = text.strip()
    if not s or len(s) > 400:
        return None
    m = _TIMES_RE.match(s)
    if m:
        return (int(m.group(1)), int(m.group(2)))
    for prefix in ("torch.Size(", "TensorShape("):
        if s.startswith(prefix) and s.endswith(")"):
            s = s[len(prefix) : -1]
    if len(s) < 2 or (s[0], s[-1]) not in (("(", ")"), ("[", "]")):
        return None
    inner = s[1:-1].strip()
    if not inner:
        return ()
    if s[0] == "(" and "," not in inner:
        return None  # "(16)" is a number in brackets; a 1-tuple prints as "(16,)"
    # Allow "[None 3 3 1]" (NumPy-style, no commas) as well as "(None, 3, 3, 1)".
    parts = [p for p in re.split(r"[,\s]+", inner) if p]
    dims: list[Optional[int]] = []
    for p in parts:
        if not _DIM.fullmatch(p):
            return None
        if p in ("None", "?") or p.startswith("-"):
            dims.append(None)
        else:
            dims.append(int(p))
    return tuple(dims)


def fmt(shape: Optional[Sequence[Optional[int]]]) -> Optional[str]:
    """Print *shape* as Keras does: ``(None, 1)``, ``(64,)``, ``()``."""
    if shape is None:
        return None
    items = ["None" if d is None else str(d) for d in shape]
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def norm(text: str | None) -> Optional[str]:
    """Parse and re-print one shape; the text unchanged (stripped) if it is no shape."""
    if text is None:
        return None
    shape = parse_shape(text)
    return fmt(shape) if shape is not None else text.strip()


def find_shapes(text: str, limit: int = 16, unique: bool = True) -> list[str]:
    """Every shape literal in *text*, normalised, in order (without duplicates if *unique*)."""
    out: list[str] = []
    for m in SHAPE_RE.finditer(text):
        shape = parse_shape(m.group(0))
        if shape is None or len(shape) == 0:
            continue
        s = fmt(shape)
        if not unique or s not in out:
            out.append(s)
        if len(out) >= limit:
            break
    return out


def size(shape: Optional[Iterable[Optional[int]]]) -> Optional[int]:
    """Number of elements, or ``None`` when an axis is unknown."""
    if shape is None:
        return None
    total = 1
    for d in shape:
        if d is None:
            return None
        total *= d
    return total


def ndim_words(n: int) -> str:
    """``2`` -> ``"2 axes"``, ``1`` -> ``"1 axis"``."""
    return f"{n} axis" if n == 1 else f"{n} axes"
