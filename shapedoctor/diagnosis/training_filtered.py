"""x and y differ in count because a row filter was applied to one of them only.

``keep = ~np.isnan(table).any(axis=1); table = table[keep]`` after ``labels = table[:, -1]`` was
taken: the features lose the rows with missing values, the labels keep them. The evidence is in the
data: the caller holds one boolean array as long as the larger side, with exactly as many True values
as the smaller side has rows, and the script indexes an array with it. The fix applies that filter
to the larger side too (``labels[keep]``): the rows it drops are the ones the other side already lost,
so every sample keeps its partner.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix


def explain_one_sided_filter(call: Any, prob: Problem, n_x: int, n_y: int) -> bool:
    """Name the side the filter missed and add the fix that applies it; False without evidence."""
    if n_x == n_y or call.site is None:
        return False
    big, small = max(n_x, n_y), min(n_x, n_y)
    masks = [(name, value) for name, value in (getattr(call, "names", None) or {}).items()
             if _is_filter(value, big, small)]
    if len(masks) != 1 or not _indexes_with(call.site, masks[0][0]):
        return False
    name, mask = masks[0]
    labels_side = n_y > n_x

    def apply(value, mask=mask):
        import numpy as np

        return np.asarray(value)[mask]

    def checks(full, small=small):
        return [("samples", len(full) == small, f"{len(full)} samples against {small}"),
                ("keeps_data", True, f"the rows `{name}` leaves out are the ones the other side already lost")]

    what = "labels" if labels_side else "data"
    prob.culprit_kind = what
    prob.message = (f"{'y' if labels_side else 'x'} has {big} samples, the other {small}: the filter `{name}` "
                    f"({small} of {big} rows) was applied to {'x' if labels_side else 'y'} only")
    prob.fixes.insert(0, TrainingFix(f"apply the same filter to the {'labels' if labels_side else 'inputs'}: "
                                     f"[{name}]", what, transform="{v}[" + name + "]", apply=apply, checks=checks,
                                     recounts=small, cost=1))
    return True


def _is_filter(value: Any, big: int, small: int) -> bool:
    dtype = getattr(value, "dtype", None)
    if getattr(dtype, "kind", None) != "b" or getattr(value, "ndim", None) != 1 or len(value) != big:
        return False
    return int(value.sum()) == small


def _indexes_with(site: Any, name: str) -> bool:
    """Some line above the call indexes an array with *name* (``table[keep]``)."""
    try:
        tree = ast.parse("".join(linecache.getlines(site.file)))
    except SyntaxError:
        return False
    return any(isinstance(n, ast.Subscript) and n.lineno < site.line and isinstance(n.slice, ast.Name)
               and n.slice.id == name for n in ast.walk(tree))
