"""Regression targets made from a matrix-vector product plus a column: (n,) + (n, 1) broadcast to (n, n).

Dive into Deep Learning's synthetic data (r1142): ``y = X @ w + b + noise`` with a flat ``w`` gives ``X @ w`` of
shape (n,), and the (n, 1) noise broadcasts it to an (n, n) table: every target row holds all n values. ``mse``
then broadcasts those rows against the (None, 1) output, trains without an error, and the weights learn almost
nothing. The book keeps ``w`` a column: ``w.reshape((-1, 1))``.

Evidence, read and recorded: a silent broadcast of labels (m, k), k > 1, against an output of one value per
sample; the labels are rows of an array made on one line whose value holds one matrix product (``@`` or
``matmul``) whose right operand is a name bound to a 1-D array, and that array has as many rows as its width
(the broadcast square). That line is the root cause; the fix makes the vector a column, proven by running the
patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def vector_product_labels(call: Any, prob: Any):
    """(culprit Place, fix, why) for targets broadcast by a flat weight vector (see the module), or None."""
    import numpy as np

    from shapedoctor.diagnosis.data_origin import through_row_splits
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path, source_tree

    if prob.family != "SD204" or call.site is None or call.y_shapes is None:
        return None
    y = call.y_shapes
    names = dict(getattr(call, "names", None) or {})
    if not isinstance(y, tuple) or len(y) != 2 or not isinstance(y[1], int) or y[1] < 2:
        return None
    site = call.site
    var = argument_name(site, 1, "y")
    line = assignment_line(site, var) if var else None
    origin, name = through_row_splits(site, line, var)
    if origin is None or name is None:
        return None
    whole = np.asarray(names.get(name)) if name in names else None
    if whole is None or whole.ndim != 2 or whole.shape[0] != whole.shape[1]:
        return None
    stmt = next((n for n in ast.walk(source_tree(site.file)) if isinstance(n, ast.Assign) and n.lineno == origin
                 and n.end_lineno == origin), None)
    if stmt is None:
        return None
    products = [n.right if isinstance(n, ast.BinOp) else n.args[1] for n in ast.walk(stmt.value)
                if (isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult))
                or (isinstance(n, ast.Call) and called_name(n.func) in ("matmul", "dot") and len(n.args) == 2)]
    if len(products) != 1 or not isinstance(products[0], ast.Name):
        return None
    vector = products[0]
    value = names.get(vector.id)
    text = linecache.getline(site.file, origin)
    if value is None or np.asarray(value).ndim != 1 or not text.isascii():
        return None
    new = f"{vector.id}.reshape(-1, 1)"
    edit = TextEdit.replacing(site.file, vector, new)
    fix = script_checked_fix(f"keep the weights a column so each target is one value: {new}", edit.shown(),
                             display_path(site.file), origin, [edit], cost=1)
    place = Place("labels", name, "labels", display_path(site.file), origin, text.strip())
    why = (f"`{name}` is made on line {origin} from a product with the flat vector `{vector.id}`, shape "
           f"{np.asarray(value).shape}: the product is one value per row, (n,), and the (n, 1) term beside it "
           f"broadcasts it to an (n, n) table, {whole.shape}, so every target row holds all n values. Keep "
           f"`{vector.id}` a column: `{new}`.")
    return place, fix, why
