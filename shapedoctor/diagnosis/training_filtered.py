"""x and y differ in count because a row filter was applied to one of them only.

``keep = ~np.isnan(table).any(axis=1); table = table[keep]`` after ``labels = table[:, -1]`` was
taken: the features lose the rows with missing values, the labels keep them. The evidence is in the
data: the caller holds one boolean array as long as the larger side, with exactly as many True values
as the smaller side has rows, and the script indexes an array with it. The fix applies that filter
to the larger side too (``labels[keep]``): the rows it drops are the ones the other side already lost,
so every sample keeps its partner.

The same holds for a slice: ``test_images = test_images[:200].reshape(...)`` cuts the inputs to their
first 200 rows and ``test_labels`` was never cut. The evidence is the script's own line rebinding the
smaller side to a slice of itself whose length is that side's count, while the larger side is passed
as it was made. The fix cuts the larger side with the same bounds (``test_labels[:200]``), as the
tutorial cuts both.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.diagnosis.data_origin import int_value
from shapedoctor.diagnosis.training_base import Problem, TrainingFix
from shapedoctor.trace.sites import source_tree


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
        tree = source_tree(site.file)
    except SyntaxError:
        return False
    return any(isinstance(n, ast.Subscript) and n.lineno < site.line and isinstance(n.slice, ast.Name)
               and n.slice.id == name for n in ast.walk(tree))


def explain_one_sided_slice(call: Any, prob: Problem, n_x: int, n_y: int) -> bool:
    """The larger side cut with the slice the script applied to the smaller side only (see the module);
    False without evidence."""
    from shapedoctor.diagnosis.training_fixes import argument_name

    if n_x == n_y or call.site is None or not call.site.file:
        return False
    labels_side = n_y > n_x
    small_var = argument_name(call.site, 0 if labels_side else 1, "x" if labels_side else "y")
    big_var = argument_name(call.site, 1 if labels_side else 0, "y" if labels_side else "x")
    if not small_var or not big_var or not small_var.isidentifier() or not big_var.isidentifier():
        return False
    small, sizes = min(n_x, n_y), getattr(call, "sizes", None) or {}
    try:
        tree = source_tree(call.site.file)
    except SyntaxError:
        return False
    cuts = [c for c in (_self_slice(stmt, small_var, sizes) for stmt in tree.body
                        if isinstance(stmt, ast.Assign) and stmt.lineno < call.site.line) if c]
    if len(cuts) != 1 or any(_self_slice(stmt, big_var, sizes, any_length=True) for stmt in tree.body
                             if isinstance(stmt, ast.Assign) and stmt.lineno < call.site.line):
        return False
    bounds, length = cuts[0]
    if length != small:
        return False
    start, stop = bounds

    def apply(value, start=start, stop=stop):
        import numpy as np

        return np.asarray(value)[start:stop]

    def checks(full, small=small):
        return [("samples", len(full) == small, f"{len(full)} samples against {small}"),
                ("keeps_data", True, f"`{small_var}` was cut to the same rows")]

    what = "labels" if labels_side else "data"
    prob.culprit_kind = what
    prob.message = (f"{'y' if labels_side else 'x'} has {max(n_x, n_y)} samples, the other {small}: `{small_var}` "
                    f"was cut to {small} rows by a slice of itself, `{big_var}` was not")
    written = f"[{_bound_text(start)}:{_bound_text(stop)}]"
    prob.fixes.insert(0, TrainingFix(f"cut the {'labels' if labels_side else 'inputs'} like the "
                                     f"{'inputs' if labels_side else 'labels'}: {big_var}{written}", what,
                                     transform="{v}" + written, apply=apply, checks=checks, recounts=small,
                                     cost=1))
    return True


def _bound_text(bound: int | None) -> str:
    return "" if bound is None else str(bound)


def _self_slice(stmt: ast.Assign, var: str, sizes: dict, any_length: bool = False):
    """((start, stop), length) when *stmt* rebinds *var* to an expression that slices *var*'s first axis
    (``x = x[:200].reshape(-1, 784) / 255``), with integer bounds; with *any_length*, any such slice."""
    if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name) or stmt.targets[0].id != var:
        return None
    for node in ast.walk(stmt.value):
        if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == var):
            continue
        cut = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else node.slice
        if not isinstance(cut, ast.Slice) or cut.step is not None:
            continue
        if any_length:
            return True
        start, stop = (int_value(b, sizes) for b in (cut.lower, cut.upper))
        if (cut.lower is not None and start is None) or stop is None or (start or 0) < 0 or stop <= (start or 0):
            return None
        return (start, stop), stop - (start or 0)
    return None


