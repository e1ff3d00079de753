"""The label column taken out of a table for the labels but left in the data: the data's line.

The TensorFlow autoencoder tutorial reads the ECG table, ``labels = raw_data[:, -1]`` ("the last
element contains the labels") and ``data = raw_data[:, 0:-1]``. Written ``data = raw_data``, every
row keeps the label as a 141st value: the autoencoder's 140 outputs meet 141-value targets, or a
model declared for 140 features meets 141 columns. Keras names the loss or the input; the cause is
the line that made the data from the whole table.

Evidence, all read: the array given to the call has one column more than the model reads (its
declared input, or for an autoencoder its output); at the script's top level, one statement takes a
single column of a table as labels (``L = T[:, -1]`` or ``T[:, 0]``) and another binds a name to that
whole table (``D = T``); the table, which the script still holds, is exactly as wide as the data. The
fix drops that column where the data is made (``T[:, :-1]``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def label_column_kept(call: Any, prob: Any):
    """(culprit Place, fix, why) when the data kept the column its labels were taken from (see the
    module), else None."""
    import numpy as np

    from shapedoctor.diagnosis.training_base import flat_items

    if prob.family not in ("SD201", "SD202") or call.site is None:
        return None
    xs = flat_items(call.x_ref)
    if len(xs) != 1:
        return None
    width = np.shape(xs[0])[-1] if np.ndim(xs[0]) == 2 else None
    reads = _width_read(call, prob)
    if width is None or reads is None or reads != width - 1:
        return None
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    names = getattr(call, "names", None) or {}
    for stmt in tree.body:
        table, column = _one_column(stmt)
        if table is None or np.ndim(names.get(table)) != 2 or np.shape(names[table])[-1] != width:
            continue
        if column in (-1, width - 1):
            kept = "[:, :-1]"
        elif column == 0:
            kept = "[:, 1:]"
        else:
            continue
        whole = [s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
                 and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Name) and s.value.id == table
                 and s.lineno < call.site.line]
        if len(whole) != 1:
            continue
        return _fix(file, whole[0], table, kept, _target(stmt), width)
    return None


def _width_read(call: Any, prob: Any) -> int | None:
    """How many values per sample the model reads where the data failed: the declared input's last axis
    (SD201), or the output's for labels that are the data itself (an autoencoder, SD202)."""
    if prob.family == "SD201" and prob.data_shapes is not None:
        want = prob.data_shapes[0]
        return want[-1] if len(want) == 2 and isinstance(want[-1], int) else None
    if prob.family == "SD202" and call.y_ref is not None and call.y_ref is call.x_ref and call.outputs_seen:
        out = call.outputs_seen[-1]
        return out[-1] if out and len(out) == 2 and isinstance(out[-1], int) else None
    return None


def _one_column(stmt: ast.stmt) -> tuple[str | None, int | None]:
    """(table, column) of ``labels = table[:, k]`` with k a constant, else (None, None)."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None, None
    value = stmt.value
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "astype":
        value = value.func.value
    if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)
            and isinstance(value.slice, ast.Tuple) and len(value.slice.elts) == 2):
        return None, None
    rows, col = value.slice.elts
    if not (isinstance(rows, ast.Slice) and rows.lower is None and rows.upper is None and rows.step is None):
        return None, None
    if isinstance(col, ast.UnaryOp) and isinstance(col.op, ast.USub) and isinstance(col.operand, ast.Constant):
        return value.value.id, -col.operand.value
    if isinstance(col, ast.Constant) and type(col.value) is int:
        return value.value.id, col.value
    return None, None


def _target(stmt: ast.Assign) -> str:
    return stmt.targets[0].id


def _fix(file: str, whole: ast.Assign, table: str, kept: str, labels: str, width: int):
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    text = linecache.getline(file, whole.lineno)
    node = whole.value
    if not text.isascii() or node.lineno != node.end_lineno:
        return None
    new = f"{table}{kept}"
    edit = TextEdit.replacing(file, node, new)
    data = whole.targets[0].id
    fix = script_checked_fix(f"leave the label column out of the data: {data} = {new}", edit.shown(), display_path(file),
                             whole.lineno, [edit], cost=1)
    why = (f"`{labels}` is one column of `{table}`, and `{data}` is the whole of `{table}`: every row of the data "
           f"still holds its label, {width} values where the model reads {width - 1}. Take the label column out "
           f"of the data where it is made, `{data} = {new}`.")
    place = Place("data", data, "data", display_path(file), whole.lineno, text.strip())
    return place, fix, why
