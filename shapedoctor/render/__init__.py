"""Renderers: take a Diagnosis and draw it; they never compute anything."""

import re as _re

_CELL = _re.compile(r"^cell \[\d+\]$")


def where(file: str | None, line: int | None) -> str:
    """A source location as shown: ``path.py:12``, or ``cell [3], line 4`` for a notebook cell."""
    if not file:
        return ""
    if not line:
        return file
    return f"{file}, line {line}" if _CELL.match(file) else f"{file}:{line}"
