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


def cell_text(value) -> str:
    """A table cell for a shape, a list of shapes or a dict of them; ``-`` when empty."""
    if value is None or value == "":
        return "-"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


_CHECK_LABELS = {"reaches_end": "reaches the end", "samples": "samples paired", "loss_shapes": "loss shapes equal",
                 "keeps_data": "no data dropped", "size": "no blow-up", "fits_labels": "output fits",
                 "proof": "patched script ran", "batch_axis": "batch axis kept",
                 "keeps_meaning": "no layer made anew per call", "learns": "can learn",
                 "ids_in_range": "ids have rows", "labels_in_range": "labels are classes",
                 "changes_code": "code changes"}


def checks_text(checks: dict) -> str:
    """``checked: reaches the end ✓, samples paired ✓`` for a fix's invariants (see repair/invariants.py)."""
    return "checked: " + ", ".join(f"{_CHECK_LABELS.get(k, k)} {'✓' if ok else '✗'}" for k, ok in checks.items())
