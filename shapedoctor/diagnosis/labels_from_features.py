"""Labels cut from the features: the line that made them from the inputs' array.

K-fold validation cuts each fold twice, ``fold_x_val = x_train[a:b]`` and ``fold_y_val = y_train[a:b]``.
Copied and edited by hand, the second line can keep ``x_train`` (Deep Learning with Python, chapter 4):
the validation "labels" are the fold's features, (120, 8) against a (None, 1) output, and
``mean_squared_error`` broadcasts them without a word. Keras names nothing; the model trained fine on
its real labels.

Evidence, read: the labels passed to the call hold exactly the values of the inputs passed with them;
the labels' line is one line that makes them from a name ``a``; another pair of one-line assignments in
the file is written alike but for one name, ``a`` in one and ``b`` in the other (the training fold's
``x_train`` / ``y_train`` lines), and ``b`` is an array of the caller as long as ``a``. The labels' line
is the cause, and the fix writes ``b`` for ``a`` there, proven by running the patched script. When the
call's ``validation_data`` labels are made the same way (the validation inputs' values, cut from
``a``: the slip made on both splits, keras-team/keras #10791), their line gets the same edit in the
same fix.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree


def labels_from_features(call: Any, prob: Any):
    """(culprit Place, fix, why, True: the only fix) when the labels were cut from the inputs' array (see the module), else None."""
    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family not in ("SD202", "SD204") or call.site is None or not call.site.file:
        return None
    x_arg, y_arg = argument_node(call.site, 0, "x"), argument_node(call.site, 1, "y")
    if not isinstance(x_arg, ast.Name) or not isinstance(y_arg, ast.Name):
        return None
    names = call.names or {}
    x, y = names.get(x_arg.id), names.get(y_arg.id)
    if x is None or y is None or getattr(x, "shape", None) != getattr(y, "shape", None) \
            or not np.array_equal(np.asarray(x), np.asarray(y)):
        return None
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    from shapedoctor.diagnosis.data_origin import last_assignment, name_assignments

    assigns = name_assignments(tree)
    stmt = last_assignment(tree, y_arg.id, call.site.line)
    if stmt is None:
        return None
    text = linecache.getline(file, stmt.lineno).rstrip("\n")
    if not text.isascii():
        return None
    used = {n.id for n in ast.walk(stmt.value) if isinstance(n, ast.Name)}
    swaps = {pair for a in assigns for b in assigns if a is not b and a is not stmt and b is not stmt
             for pair in [_one_name_apart(a.value, b.value)] if pair is not None and pair[0] in used}
    swaps = {(old, new) for old, new in swaps if new in names and len(names[new]) == len(names[old])
             and not np.array_equal(np.asarray(names[new]), np.asarray(names[old]))}
    if len(swaps) != 1:
        return None
    old, new = next(iter(swaps))
    shown, edits = [], []
    for line_stmt in [stmt] + _validation_twin(call, tree, old, names):
        line_text = linecache.getline(file, line_stmt.lineno).rstrip("\n")
        spots = sorted((n for n in ast.walk(line_stmt.value) if isinstance(n, ast.Name) and n.id == old),
                       key=lambda n: n.col_offset, reverse=True)
        written = line_text
        for spot in spots:
            written = written[:spot.col_offset] + new + written[spot.end_col_offset:]
            edits.append(TextEdit(file, line_stmt.lineno, spot.col_offset, line_stmt.lineno, spot.end_col_offset, new))
        shown.append(written.strip())
    fix = script_checked_fix(f"cut the labels from `{new}`, not from the features `{old}`", "\n".join(shown),
                             display_path(file), stmt.lineno, edits, cost=1)
    place = Place("labels", y_arg.id, "labels", display_path(file), stmt.lineno, text.strip())
    why = (f"`{y_arg.id}` (line {stmt.lineno}) holds exactly the values of `{x_arg.id}`, the inputs passed with "
           f"it: it was cut from `{old}`, the features, where its twin lines cut the labels from `{new}`.")
    return place, fix, why, True  # labels that are the features: no model edit can be right


def _validation_twin(call: Any, tree: ast.Module, old: str, names: dict) -> list[ast.Assign]:
    """The line that made the call's validation labels, when they too are the validation inputs' values
    cut from *old* (the same slip made on the validation split): ``y_val = data[-n:]`` beside
    ``x_val = data[-n:]``."""
    import numpy as np

    from shapedoctor.diagnosis.data_origin import last_assignment
    from shapedoctor.trace.sites import source_tree_and_calls_at

    _tree, calls = source_tree_and_calls_at(call.site)
    pair = next((k.value for c in calls for k in c.keywords if k.arg == "validation_data"), None)
    if not isinstance(pair, (ast.Tuple, ast.List)) or len(pair.elts) != 2 \
            or not all(isinstance(e, ast.Name) for e in pair.elts):
        return []
    xv, yv = (names.get(e.id) for e in pair.elts)
    if xv is None or yv is None or getattr(xv, "shape", None) != getattr(yv, "shape", None) \
            or not np.array_equal(np.asarray(xv), np.asarray(yv)):
        return []
    made = last_assignment(tree, pair.elts[1].id, call.site.line)
    if made is None or made.lineno != made.end_lineno \
            or old not in {n.id for n in ast.walk(made.value) if isinstance(n, ast.Name)}:
        return []
    return [made]


def _one_name_apart(a: ast.expr, b: ast.expr) -> tuple[str, str] | None:
    """(name in *a*, name in *b*) when the two expressions are the same code but for every use of one
    name, written as another; else None."""
    names_a = sorted({n.id for n in ast.walk(a) if isinstance(n, ast.Name)})
    names_b = sorted({n.id for n in ast.walk(b) if isinstance(n, ast.Name)})
    only_a, only_b = set(names_a) - set(names_b), set(names_b) - set(names_a)
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    old, new = next(iter(only_a)), next(iter(only_b))
    renamed = re.sub(rf"\b{re.escape(old)}\b", new, ast.dump(a))
    return (old, new) if renamed == ast.dump(b) else None
