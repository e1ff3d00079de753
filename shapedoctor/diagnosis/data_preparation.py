"""Data-preparation fixes read off the data itself: a row-identifier column kept among the
features, an input declared as the whole array for a layer that needs a channel axis, and new
data one-hot encoded against its own categories.

* **Identifier column.** A table exported with its row index (``Unnamed: 0``) or read with its
  ID column has one column more than the model's input. When the data's first column holds
  distinct integers that increase down the rows (0..N-1, or sorted customer IDs), it identifies
  the rows and is not a feature: drop it where ``x`` is made (``table[:, 1:]``,
  ``data[:, :-1]`` -> ``data[:, 1:-1]``). Declaring one input more would train on the ID.
  Any other extra column is left alone (feature slicing is never guessed).
* **Whole array declared for a layer that needs a channel axis.** ``Conv1D(...,
  input_shape=X.shape)`` on rows ``(N, F)``: the declaration is one sample too many axes, yet
  ``X.shape[1:]`` = ``(F,)`` is one axis short of what the first layer reads (its input spec
  asks for ``len(X.shape) + 1`` axes with the batch). The sample is ``(F, 1)``: each row a
  sequence of one channel (Keras feeds ``(N, F)`` rows to it with the axis of 1 added).
* **Categories of the new data.** ``q[:, None] == np.unique(q)`` at predict time (get_dummies of
  a query) has a column per category the query holds, fewer than at training: the fix encodes
  against the training categories (the one earlier ``np.unique(w)`` of the caller's arrays),
  verified by evaluating the rewritten expression on the caller's own arrays.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.diagnosis.training_base import TrainingFix, flat_items
from shapedoctor.trace.sites import source_tree

MIN_ROWS_FOR_IDENTIFIER = 8  # fewer rows could be increasing integers by chance


def is_identifier_column(column: Any) -> bool:
    """Distinct integer values, strictly increasing down the rows (a row index or sorted IDs)."""
    import numpy as np

    col = np.asarray(column)
    if col.ndim != 1 or col.size < MIN_ROWS_FOR_IDENTIFIER or not np.issubdtype(col.dtype, np.number):
        return False
    if not np.all(np.isfinite(col)) or not np.all(col == np.round(col)):
        return False
    return bool(np.all(np.diff(col) > 0))


def _first_column_dropped(text: str, node: ast.expr) -> str | None:
    """The expression *node* (the right side that made x) without its first column."""
    segment = ast.get_source_segment(text, node)
    if segment is None:
        return None
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2:
        rows, cols = node.slice.elts
        if isinstance(rows, ast.Slice) and rows.lower is None and rows.upper is None and rows.step is None \
                and isinstance(cols, ast.Slice) and cols.step is None:
            lower = cols.lower
            if lower is None or (isinstance(lower, ast.Constant) and lower.value == 0):
                start = 1
            elif isinstance(lower, ast.Constant) and isinstance(lower.value, int) and lower.value > 0:
                return None  # the slice already starts past the first column: it is not this column
            else:
                return None
            base = ast.get_source_segment(text, node.value)
            upper = "" if cols.upper is None else ast.get_source_segment(text, cols.upper)
            if base is None or upper is None:
                return None
            return f"{base}[:, {start}:{upper}]"
    if isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
        return f"{segment}[:, 1:]"
    return None


def identifier_column_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """Drop a row-identifier first column where x is made (see the module)."""
    import numpy as np

    from shapedoctor.diagnosis.data_remake import made_on
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if call.site is None or len(want) != 2 or len(got) != 2 or not isinstance(want[1], int) \
            or got[1] != want[1] + 1:
        return None
    xs = flat_items(call.x_ref)
    if len(xs) != 1 or not hasattr(xs[0], "shape"):
        return None
    x = np.asarray(xs[0])
    if x.ndim != 2 or not is_identifier_column(x[:, 0]):
        return None
    var = argument_name(call.site, 0, "x")
    line = assignment_line(call.site, var) if var else None
    made = made_on(call.site.file, line, var) if line is not None else None
    new_value = _first_column_dropped(made.text.strip(), made.value) if made is not None else None
    if new_value is None:
        return None
    labels_too = call.y_ref is not None and call.y_ref is call.x_ref  # an autoencoder: y is x

    def apply(value):
        return np.asarray(value)[:, 1:]

    def checks(full, column=x[:, 0]):
        return [("keeps_data", is_identifier_column(column),
                 "the dropped first column identifies the rows (distinct integers increasing down them)")]

    return TrainingFix(f"drop the row-identifier column, it is not a feature: {new_value}", "data", cost=1,
                       apply=apply, checks=checks, line_edit=made.edit(new_value), labels_too=labels_too)


def needs_channel_axis(model: Any, got: tuple) -> bool:
    """The layer reading the model's input needs exactly one axis more than the data has (batch
    included): ``Conv1D`` (at least 3) or ``LSTM`` (3) on ``(N, F)`` rows."""
    layers = [layer for layer in getattr(model, "layers", []) or [] if type(layer).__name__ != "InputLayer"]
    if not layers:
        return False
    specs = getattr(layers[0], "input_spec", None)
    spec = specs[0] if isinstance(specs, (list, tuple)) and specs else specs
    need = getattr(spec, "ndim", None) or getattr(spec, "min_ndim", None)
    return isinstance(need, int) and need == len(got) + 1


def channel_axis_declaration(model: Any, got: tuple, index: int) -> TrainingFix | None:
    """``input_shape=X.shape`` for a first layer that needs a channel axis the rows lack (see the module)."""
    if len(got) < 2 or not needs_channel_axis(model, got):
        return None
    sample = tuple(got[1:]) + (1,)
    return TrainingFix(f"declare one sample with a channel axis: shape=(X.shape[1], 1) = {sample}: each row "
                       f"is a sequence of one channel", "model", edits=[("input", index, (None,) + sample)],
                       cost=1)


def _unique_calls(tree: ast.AST) -> list[ast.Call]:
    """The ``np.unique(name)`` / ``numpy.unique(name)`` calls of *tree* on one plain variable."""
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "unique"
            and len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Name)]


def training_categories_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """New data (predict/evaluate) encoded against its own categories, ``v[:, None] == np.unique(v)``,
    is narrower than the input: encode it against the categories the training data was encoded with
    (an earlier ``np.unique(w)`` of the same form), the same width at both times."""
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if call.method == "fit" or call.site is None or len(want) != 2 or len(got) != 2 \
            or not isinstance(want[1], int) or got[1] >= want[1]:
        return None
    names = getattr(call, "names", None) or {}
    var = argument_name(call.site, 0, "x")
    line = assignment_line(call.site, var) if var else None
    if line is None:
        return None
    text = linecache.getline(call.site.file, line)
    if not text.isascii():
        return None
    stripped = text.strip()
    try:
        statement = ast.parse(stripped).body[0]
        module = source_tree(call.site.file)
    except (SyntaxError, IndexError):
        return None
    own = _unique_calls(statement)
    if not isinstance(statement, ast.Assign) or len(own) != 1:
        return None
    new_name = own[0].args[0].id
    earlier = {c.args[0].id for c in _unique_calls(module)
               if c.lineno < line and c.args[0].id != new_name and c.args[0].id in names}
    if len(earlier) != 1:
        return None
    train_name = earlier.pop()
    old_call = ast.get_source_segment(stripped, own[0])
    function = ast.get_source_segment(stripped, own[0].func)
    new_call = f"{function}({train_name})" if old_call and function else None
    if new_call is None or stripped.count(old_call) != 1:
        return None
    rhs = ast.get_source_segment(stripped, statement.value)
    scope = dict(names)
    scope.setdefault("np", np)
    scope.setdefault("numpy", np)
    try:
        value = np.asarray(eval(compile(rhs.replace(old_call, new_call), "<fix>", "eval"), {}, scope))  # noqa: S307
    except Exception:  # noqa: BLE001 - the expression needs more than the caller's arrays
        return None
    if value.shape != (got[0], want[1]):
        return None
    new_line = stripped.replace(old_call, new_call)
    indent = len(text) - len(text.lstrip())
    start = indent + own[0].col_offset
    return TrainingFix(f"encode the new data with the training categories: {new_call}", "data", cost=1,
                       apply=lambda _value, encoded=value: encoded,
                       line_edit=(line, start, start + len(old_call), new_call, new_line))


def column_slice_fix(call: Any, want: tuple, got: tuple, index: int) -> TrainingFix | None:
    """Columns cut from a wider table one too many or too few for the declared input (Hands-On ML's wide &
    deep model: ``Input(shape=[6])`` for features 2 to 7, ``X_train[:, 3:]`` gives 5): the cut moved where the
    data is made, at its open end's bound (``X_train[:, 2:]``), keeping the table's other end; the same cut
    of the other tables made alike (validation, test) moves with it."""
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if call.site is None or len(want) != 2 or len(got) != 2 or not isinstance(want[1], int) or got[1] == want[1]:
        return None
    several = len(flat_items(call.x_ref)) > 1
    var = argument_name(call.site, 0, "x", index if several else None)
    line = assignment_line(call.site, var) if var else None
    found = _column_cut(call.site.file, line, var) if line else None
    if found is None:
        return None
    start_col, end_col, table, lower, upper = found
    whole = (getattr(call, "names", None) or {}).get(table)
    if whole is None or np.ndim(whole) != 2:
        return None
    width, need = np.shape(whole)[1], want[1]
    if lower is not None and upper is None:
        start = width - need
        if start < 0:
            return None
        new_cut, cut = f"{table}[:, {start}:]", (slice(None), slice(start, None))
    elif lower is None and upper is not None and need <= width:
        new_cut, cut = f"{table}[:, :{need}]", (slice(None), slice(None, need))
    else:
        return None
    text = linecache.getline(call.site.file, line)
    if not text.isascii():
        return None
    new_line = text[:start_col] + new_cut + text[end_col:]
    old_cut = text[start_col:end_col]
    more = []
    for number, other in enumerate(linecache.getlines(call.site.file), start=1):
        if number == line or not other.isascii():
            continue
        for name in (getattr(call, "names", None) or {}):
            same = old_cut.replace(table, name, 1)
            if name != table and same in other and same.startswith(name + "["):
                at = other.index(same)
                written = new_cut.replace(table, name, 1)
                more.append((number, at, at + len(same), written, (other[:at] + written + other[at + len(same):]).strip()))
    selected = np.asarray(whole)[cut]
    return TrainingFix(f"cut the {need} columns the input declares where the data is made: {new_cut}", "data",
                       cost=1, apply=lambda _value, selected=selected: selected,
                       line_edit=(line, start_col, end_col, new_cut, new_line.strip()), more_edits=tuple(sorted(more)))


def _column_cut(file: str, line: int, var: str):
    """(the columns of the cut on the line, the table's name, the column slice's lower and upper bound nodes) of
    ``var = table[:, a:b]`` (also one name of a tuple assignment) written on *line*; None otherwise."""
    import ast
    import linecache

    text = linecache.getline(file, line)
    try:
        statement = ast.parse(text.strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
        return None
    target, value = statement.targets[0], statement.value
    if isinstance(target, ast.Name) and target.id == var:
        element = value
    elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
        names = [t.id if isinstance(t, ast.Name) else None for t in target.elts]
        if var not in names:
            return None
        element = value.elts[names.index(var)]
    else:
        return None
    if not (isinstance(element, ast.Subscript) and isinstance(element.value, ast.Name)
            and isinstance(element.slice, ast.Tuple) and len(element.slice.elts) == 2):
        return None
    rows, columns = element.slice.elts
    if not (isinstance(rows, ast.Slice) and rows.lower is None and rows.upper is None and rows.step is None
            and isinstance(columns, ast.Slice) and columns.step is None):
        return None
    indent = len(text) - len(text.lstrip())  # the columns were counted on the stripped line
    return indent + element.col_offset, indent + element.end_col_offset, element.value.id, columns.lower, columns.upper
