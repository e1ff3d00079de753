"""The array given to ``predict`` (or ``evaluate``) made the way the script made the training data.

Two slips, both after the model trained, where the data must follow the model:

* **One array for a model of several inputs.** Hands-On ML chapter 10's wide & deep model (r637) takes
  ``input_wide`` (features 0 to 4) and ``input_deep`` (features 2 to 7); ``fit`` and ``evaluate`` got
  ``(X_train[:, :5], X_train[:, 2:])`` through ``X_train_wide, X_train_deep = X_train[:, :5],
  X_train[:, 2:]``, and ``predict(X_new)`` gets the 8 columns whole. The same column slices applied
  to ``X_new`` are the fix: ``predict((X_new[:, :5], X_new[:, 2:]))``.
* **A slice that cut an axis the model needs whole.** tensorflow/tensorflow #48286 (r619): an LSTM built
  for 28 rows of 28 pixels is asked ``predict(x_test[0:1, :10, :])``; ``x_test`` itself has the model's
  per-sample shape, so the slice of that axis is the slip: ``x_test[0:1, :, :]``.

Evidence, read: an earlier training call of the same model was given a tuple of names, each bound to
a column slice (``base[:, a:b]``) of one array as wide as the array now given; or the argument is a
subscript of an array whose per-sample shape is the model input's, cutting an axis where the sizes
differ. The fix rewrites the argument in the failing call and is proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree


def predict_argument(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    if finding is None or finding.id != "SD201":
        return finding
    try:
        return _reaimed(finding, recorder) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(finding: Finding, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    calls = list(getattr(recorder, "training_calls", []) or [])
    call = calls[-1] if calls and calls[-1].error is not None else None
    if call is None or call.method not in ("predict", "evaluate") or call.site is None or not call.site.file:
        return None
    arg = argument_node(call.site, 0, "x")
    if arg is None or arg.lineno != arg.end_lineno:
        return None
    split = _split_like_before(call, calls[:-1], arg)
    found = split or _whole_axis(call, arg)
    if found is None:
        return None
    new_text, why = found
    if split is not None:  # the generic text says the arrays cannot be told apart: here they can
        finding.explanation = ""
    file = call.site.file
    edit = TextEdit.replacing(file, arg, new_text)
    code = linecache.getline(file, arg.lineno).strip()
    finding.culprit = Place("data", None, "data", file, arg.lineno, code)
    finding.explanation = why + " " + (finding.explanation or "")
    finding.fixes.insert(0, script_checked_fix("give the model its data the way it was trained on it", edit.shown(),
                                               file, arg.lineno, [edit]))
    return finding


def _split_like_before(call: Any, earlier: list, arg: ast.expr) -> tuple[str, str] | None:
    """One array for a model of several inputs, split the way an earlier call's inputs were (see the module)."""
    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_node

    value = call.names.get(arg.id) if isinstance(arg, ast.Name) else None
    inputs = list(getattr(call.model, "inputs", None) or [])
    if not isinstance(value, np.ndarray) or value.ndim != 2 or len(inputs) < 2:
        return None
    try:
        tree = source_tree(call.site.file)
    except (SyntaxError, ValueError):
        return None
    for before in reversed(earlier):
        if before.model is not call.model or before.site is None or before.site.file != call.site.file:
            continue
        given = argument_node(before.site, 0, "x")
        if not isinstance(given, (ast.Tuple, ast.List)) or len(given.elts) != len(inputs) \
                or not all(isinstance(e, ast.Name) for e in given.elts):
            continue
        slices = [_column_slice(tree, e.id, before.site.line) for e in given.elts]
        if None in slices or len({base for base, _ in slices}) != 1:
            continue
        base = before.names.get(slices[0][0])
        if not isinstance(base, np.ndarray) or base.ndim != 2 or base.shape[1] != value.shape[1]:
            continue
        parts = ", ".join(f"{arg.id}[{text}]" for _, text in slices)
        why = (f"The model has {len(inputs)} inputs, and line {before.site.line} gave them "
               f"({', '.join(e.id for e in given.elts)}), column slices of one {base.shape[1]}-column array; "
               f"`{arg.id}` has the same {value.shape[1]} columns whole. Slice it the same way.")
        return f"({parts})", why
    return None


def _column_slice(tree: ast.Module, name: str, line: int) -> tuple[str, str] | None:
    """(base, slice text) when *name* is bound to ``base[:, a:b]`` (alone or in a tuple assignment)."""
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Assign) and n.lineno < line and len(n.targets) == 1
            and any(isinstance(t, ast.Name) and t.id == name for t in ast.walk(n.targets[0]))]
    stmt = max(made, key=lambda n: n.lineno) if made else None
    if stmt is None:
        return None
    target, value = stmt.targets[0], stmt.value
    if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
        value = next((v for t, v in zip(target.elts, value.elts) if isinstance(t, ast.Name) and t.id == name), None)
    elif not isinstance(target, ast.Name):
        return None
    if not isinstance(value, ast.Subscript) or not isinstance(value.value, ast.Name) \
            or not isinstance(value.slice, ast.Tuple) or len(value.slice.elts) != 2:
        return None
    rows, cols = value.slice.elts
    if not (isinstance(rows, ast.Slice) and rows.lower is None and rows.upper is None and rows.step is None) \
            or not isinstance(cols, ast.Slice):
        return None
    return value.value.id, ":, " + ast.unparse(cols)


def _whole_axis(call: Any, arg: ast.expr) -> tuple[str, str] | None:
    """A subscript of an array shaped like the model's input that cut an axis the model needs whole."""
    import numpy as np

    inputs = list(getattr(call.model, "inputs", None) or [])
    if not isinstance(arg, ast.Subscript) or not isinstance(arg.value, ast.Name) or len(inputs) != 1:
        return None
    base = call.names.get(arg.value.id)
    want = tuple(inputs[0].shape)
    if not isinstance(base, np.ndarray) or base.ndim != len(want) \
            or any(w is not None and w != b for w, b in zip(want[1:], base.shape[1:])):
        return None
    parts = list(arg.slice.elts) if isinstance(arg.slice, ast.Tuple) else [arg.slice]
    if len(parts) > base.ndim or any(isinstance(p, ast.Constant) and p.value is Ellipsis for p in parts):
        return None  # the axes the slice names are the first ones; the rest are whole
    got = call.x_shapes if isinstance(call.x_shapes, tuple) else None
    changed = False
    texts = []
    for axis, part in enumerate(parts):
        cut = axis >= 1 and isinstance(part, ast.Slice) and (part.lower is not None or part.upper is not None) \
            and want[axis] is not None and (got is None or len(got) <= axis or got[axis] != want[axis])
        texts.append(":" if cut else ast.unparse(part))
        changed = changed or cut
    if not changed:
        return None
    why = (f"`{arg.value.id}` has the model's per-sample shape {tuple(base.shape[1:])}; the slice "
           f"`{ast.unparse(arg)}` cut an axis the model was built to read whole. Keep that axis whole.")
    return f"{arg.value.id}[{', '.join(texts)}]", why
