"""One-hot labels made by indexing an identity matrix with a column of class ids: (n, 1, k), not (n, k).

DeepECG turns its rhythm classes into a column ``target_train`` of shape (n, 1) and one-hot encodes it as
``np.eye(4)[target_train.astype(int)]``. Indexing with an (n, 1) array keeps that axis: the labels are
(n, 1, 4) and the categorical loss refuses them against the (None, 4) softmax; the merged fix indexes with
a flat vector (ismorphism/DeepECG#7, r823). Keras names the loss; the cause is the indexing.

Evidence, recorded and read: the training call's labels are (n, 1, k) for a model output (None, k); the
script (module level) binds a name to ``np.eye(k)[INDEX]`` (or ``np.identity``) whose index's first name
is an array the script holds with a second axis of 1. That binding is the root cause; the fix flattens
the index, ``[INDEX.ravel()]``, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def eye_column_index(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when the labels were one-hot encoded from a column of ids (see the
    module), else None."""
    from shapedoctor.diagnosis.training_base import model_outputs
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, source_tree

    labels, outputs = call.y_shapes, model_outputs(call.model)
    if call.site is None or not call.site.file or len(outputs) != 1 or not isinstance(labels, tuple):
        return None
    out = outputs[0]
    if len(labels) != 3 or labels[1] != 1 or len(out) != 2 or out[-1] != labels[-1]:
        return None
    classes = labels[-1]
    path = call.site.file
    made = []
    for statement in source_tree(path).body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name) and statement.lineno < call.site.line):
            continue
        value = statement.value
        if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Call)
                and getattr(value.value.func, "attr", getattr(value.value.func, "id", None)) in ("eye", "identity")
                and value.value.args and value.lineno == value.end_lineno):
            continue
        names = sorted((n for n in ast.walk(value.slice) if isinstance(n, ast.Name)), key=lambda n: n.col_offset)
        base = names[0].id if names else None
        column = call.names.get(base) if base else None
        shape = getattr(column, "shape", None)
        if isinstance(shape, tuple) and len(shape) == 2 and shape[1] == 1:
            made.append((statement, value))
    if len(made) != 1:
        return None
    statement, value = made[0]
    if not linecache.getline(path, statement.lineno).isascii():
        return None
    index = value.slice
    edit = TextEdit(path, index.end_lineno, index.end_col_offset, index.end_lineno, index.end_col_offset, ".ravel()")
    fix = script_checked_fix("index the identity with a flat vector of ids: .ravel()", edit.shown(),
                             display_path(path), statement.lineno, [edit], cost=1)
    place = Place.at_line("labels", statement.targets[0].id, "labels", path, statement.lineno)
    why = (f"`{statement.targets[0].id}` is made by indexing an identity matrix with a column of class ids, "
           f"shape (n, 1): indexing keeps that axis, so each label is (1, {classes}) and the labels are {labels} "
           f"where the model outputs (None, {classes}). Index with a flat vector of ids, `.ravel()`.")
    return place, fix, why, True
