"""Renderers: take a Diagnosis and draw it; they never compute anything."""

import re as _re

_CELL = _re.compile(r"^cell \[\d+\]$")


def where(file: str | None, line: int | None, cell: int | None = None) -> str:
    """A source location as shown: ``path.py:12``, ``cell [3], line 4`` for an IPython cell,
    ``nb.ipynb, cell 3, line 4`` for a notebook run with ``shapedoctor run``."""
    if not file:
        return ""
    if cell is not None:
        return f"{file}, cell {cell}, line {line}"
    if not line:
        return file
    return f"{file}, line {line}" if _CELL.match(file) else f"{file}:{line}"
