"""Labels selected with a mask made from a one-hot matrix: the mask flattened it.

``y_train[y_train <= 1]`` picks the samples of classes 0 and 1 while ``y_train`` holds class ids. Once
a line above has one-hot encoded ``y_train`` in place (``y_train = to_categorical(y_train, 10)``), the
same expression compares every cell of the (N, 10) matrix and returns all N*10 cells as one flat
array: ``to_categorical(y_train[y_train <= 1], 2)`` then holds ten times as many "labels" as there are
images (an introductory course's transfer-learning notebook, whose issue thread names it).

Evidence, read: the labels argument is a name made on one line by an expression holding ``v[...v...]``,
a subscript of a caller's array ``v`` by a comparison of ``v`` itself, and ``v`` is a one-hot matrix
(rows of 0/1 that sum to 1). That line is the cause; the fix selects with the class ids the rows
encode (``v.argmax(axis=1)`` for each ``v`` in the subscript), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def masked_onehot(call: Any, prob: Any):
    """(culprit Place, fix, why) when the labels were selected from a one-hot matrix by its own
    elementwise mask (see the module), else None."""
    from shapedoctor.diagnosis.data_origin import last_assignment, name_assignments
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD203" or call.site is None or not call.site.file:
        return None
    arg = argument_node(call.site, 1, "y")
    if not isinstance(arg, ast.Name):
        return None
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    stmt = last_assignment(tree, arg.id, call.site.line)
    if stmt is None:
        return None
    found = _self_masked(file, stmt, call.names or {})
    if found is None:
        return None
    text, mask, new, edit = found
    name = mask.value.id
    matrix = call.names[name]
    edits = [edit]  # the twin lines that select the same way from another one-hot split (y_test) go along
    for other in name_assignments(tree):
        twin = _self_masked(file, other, call.names or {}) if other is not stmt else None
        if twin is not None:
            edits.append(twin[3])
    fix = script_checked_fix(f"select with the class ids the one-hot rows of `{name}` encode: "
                             f"{name}.argmax(axis=1)", new.strip(), display_path(file), stmt.lineno,
                             sorted(edits, key=lambda e: e.start_line), cost=1)
    place = Place("labels", arg.id, "labels", display_path(file), stmt.lineno, text.strip())
    why = (f"`{name}` is a one-hot matrix {tuple(matrix.shape)} here, so the mask on line {stmt.lineno} compares "
           f"each of its cells and `{text[mask.col_offset:mask.end_col_offset]}` "
           "returns every selected cell as one flat array, not the selected rows: "
           f"`{arg.id}` gets a sample count that pairs with nothing. Select with the class ids instead.")
    return place, fix, why


def _self_masked(file: str, stmt: ast.Assign, names: dict):
    """(line text, the mask subscript, the new line text, its TextEdit) when *stmt* selects from a caller's
    one-hot matrix with a comparison of that matrix itself, else None."""
    import numpy as np

    from shapedoctor.patch.textedit import TextEdit

    text = linecache.getline(file, stmt.lineno).rstrip("\n")
    if not text.isascii():
        return None
    masks = [s for s in ast.walk(stmt.value) if isinstance(s, ast.Subscript) and isinstance(s.value, ast.Name)
             and isinstance(s.slice, ast.Compare)
             and any(isinstance(n, ast.Name) and n.id == s.value.id for n in ast.walk(s.slice))]
    if len(masks) != 1:
        return None
    mask = masks[0]
    name = mask.value.id
    matrix = names.get(name)
    if matrix is None or getattr(matrix, "ndim", 0) != 2 or matrix.shape[1] < 2:
        return None
    values = np.asarray(matrix)
    if not (np.isin(values, (0, 1)).all() and np.allclose(values.sum(axis=1), 1)):
        return None
    spots = sorted((n for n in ast.walk(mask) if isinstance(n, ast.Name) and n.id == name),
                   key=lambda n: n.col_offset, reverse=True)
    new = text
    for spot in spots:
        new = new[:spot.col_offset] + f"{name}.argmax(axis=1)" + new[spot.end_col_offset:]
    indent = len(text) - len(text.lstrip())
    return text, mask, new, TextEdit(file, stmt.lineno, indent, stmt.lineno, len(text), new[indent:])
