"""x holds a whole multiple of the labels' count: where that count was multiplied, and the fix there.

When ``fit`` gets k times as many inputs as labels (k >= 2), the labels are rarely the culprit.
Two ways of making x multiply its own count are recognised from the data and the line that made it:

* **a looped pass**: ``features = base.predict(batches(), steps=nb_samples)`` with a generator
  that starts over at the end of the data: ``steps`` counts batches, so the data is run through k
  times and x is k identical copies of one pass. Evidence: every block of ``len(y)`` rows equals the
  first. The fix gives ``steps`` the number of batches of one pass (written where x is made); the
  rows it drops are copies, so no data is lost.
* **a reshape whose -1 took in part of each sample**: ``X = np.array(X).reshape(-1, 24, 24, 1)`` on
  colour images (24, 24, 3): the inferred sample axis comes out k times too long. Evidence: the line
  that made x is such a reshape. The fix multiplies the reshape's last size by k, which groups the k
  consecutive rows of each sample back into one (the same values, the same order). When the model's
  input is declared from the array (``input_shape=X.shape[1:]``) the declaration follows by itself,
  which only the patched script can show: the fix is proven by running it.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix


def explain_multiplied_count(call: Any, prob: Problem, n_x: int, n_y: int) -> bool:
    """Name where x's count was multiplied and add the fix there; False when nothing shows it."""
    if n_y < 1 or n_x <= n_y or n_x % n_y or call.site is None:
        return False
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.recorder import shape_of

    var = argument_name(call.site, 0, "x")
    x = call.x_ref
    if var is None or not hasattr(x, "shape") or shape_of(x) is None:
        return False
    k = n_x // n_y
    made = _making_statement(call.site, var)
    if made is None:
        return False
    fix = _steps_fix(call, made, k, n_y) if _repeats_first_pass(x, n_y) else None
    if fix is None and _reshape_call(made.value) is not None:
        fix = _regroup_fix(call, made, var, k, n_y)
    if fix is None:
        return False
    prob.culprit_kind = "data"
    prob.data_site = (call.site.file, made.lineno)
    prob.message = f"x has {n_x} samples, {k} times the {n_y} labels"
    prob.fixes.insert(0, fix)
    return True


def explain_joined_rows(call: Any, prob: Problem, n_x: int, n_y: int) -> bool:
    """x joined from k parts along the sample axis where k parts side by side were meant (the noise
    columns of Deep Learning with Python's chapter 5 added with ``axis=0``): the join is the culprit.
    This evidence outranks an array of the script that has the labels' count (one of the parts)."""
    if n_y < 1 or n_x <= n_y or n_x % n_y or call.site is None:
        return False
    from shapedoctor.diagnosis.training_base import model_inputs

    declared = model_inputs(call.model)
    x = call.x_shapes
    if len(declared) == 1 and isinstance(x, tuple) and len(x) >= 2 and declared[0] and declared[0][-1] == x[-1]:
        return False  # each part already has the width the model declares: side by side it would not fit
    from shapedoctor.diagnosis.training_fixes import argument_name

    joined = _joined_statement(call.site, argument_name(call.site, 0, "x"))
    k = n_x // n_y
    fix = _unjoin_fix(call, joined, k, n_y) if joined is not None else None
    if fix is None:
        return False
    prob.culprit_kind = "data"
    prob.data_site = (call.site.file, joined.value.lineno)
    prob.message = f"x has {n_x} samples, {k} times the {n_y} labels"
    prob.fixes.insert(0, fix)
    return True


# -- where x was made --------------------------------------------------------------------
def _making_statement(site: Any, var: str) -> ast.Assign | None:
    """The one-line ``var = call(...)`` above the call that made *var* (passing over lines that only
    rescale or retype it, ``X = X / 255.0``, ``X /= 255``)."""
    from shapedoctor.repair.data_follows import made_at

    def rescales(stmt: ast.stmt, _text: str) -> bool:
        return isinstance(stmt, ast.AugAssign) or (isinstance(stmt, ast.Assign) and _rescales(stmt.value, var))

    made = made_at(site, var, skip=rescales)
    node = made.statement if made is not None else None
    if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
        return None
    return node if node.lineno == node.end_lineno and isinstance(node.value, ast.Call) else None


def _rescales(value: ast.expr, var: str) -> bool:
    """``var / 255.0``, ``(var - mean) * scale``, ``var.astype(...)``: the same samples, other values."""
    if isinstance(value, ast.BinOp):
        return _rescales(value.left, var) or _rescales(value.right, var)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "astype":
        return _rescales(value.func.value, var)
    return isinstance(value, ast.Name) and value.id == var


def _segment(site: Any, node: ast.AST) -> tuple[int, int, int, str, str] | None:
    """(line, start, end, text, line text) of *node* on its one line, in columns of the raw line."""
    raw = linecache.getline(site.file, node.lineno).rstrip("\n")
    if not raw.isascii() or node.lineno != node.end_lineno:
        return None  # ast columns count bytes
    return node.lineno, node.col_offset, node.end_col_offset, raw[node.col_offset:node.end_col_offset], raw


# -- a generator run through several times -----------------------------------------------
def _repeats_first_pass(x: Any, n: int) -> bool:
    """Every block of *n* rows of *x* equals its first *n* rows."""
    import numpy as np

    try:
        a = np.asarray(x)
    except Exception:  # noqa: BLE001 - not an array
        return False
    if a.ndim < 1 or a.shape[0] % n or a.dtype.kind not in "biuf":
        return False
    first = a[:n]
    if not np.any(first):
        return False  # all zeros repeat trivially: no evidence of a loop
    return all(np.array_equal(first, a[i:i + n]) for i in range(n, a.shape[0], n))


def _steps_fix(call: Any, made: ast.Assign, k: int, n_y: int) -> TrainingFix | None:
    """``steps=<expr>`` on the line that made x: the number of batches of one pass over the data."""
    steps = next((kw.value for kw in made.value.keywords if kw.arg == "steps"), None)
    if steps is None:
        return None
    value = _value_of(steps, call.sizes)
    if value is None or value % k:
        return None
    segment = _segment(call.site, steps)
    if segment is None:
        return None
    line, start, end, text, raw = segment
    name = _one_name_for(k, call.sizes)
    new = f"{text} // {name}" if name is not None else str(value // k)
    if not isinstance(steps, (ast.Name, ast.Constant)):
        new = f"({text}) // {name}" if name is not None else str(value // k)
    new_line = (raw[:start] + new + raw[end:]).strip()

    def apply(value):
        import numpy as np

        return np.asarray(value)[:n_y]

    def checks(full):
        return [("samples", len(full) == n_y, f"{len(full)} samples against {n_y} labels"),
                ("keeps_data", True, "the rows left out repeat the rows kept (the same pass over the data)")]

    return TrainingFix(f"run the data through once: steps={new} (steps counts batches, not samples)", "data",
                       apply=apply, checks=checks, recounts=n_y, line_edit=(line, start, end, new, new_line),
                       note=f"x held {k} identical passes over the data", cost=1)


def _bare(key: str) -> str:
    """A snapshot key without the ``@line@file|`` of a function's locals (trace/scope.py)."""
    return key.rsplit("|", 1)[-1]


def _value_of(node: ast.expr, sizes: dict) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:  # noqa: E721 - not a bool
        return node.value
    if isinstance(node, ast.Name):
        values = {v for key, v in sizes.items() if _bare(key) == node.id}
        return values.pop() if len(values) == 1 else None
    return None


def _one_name_for(value: int, sizes: dict) -> str | None:
    """The one name of the script holding *value*, if exactly one does."""
    names = {_bare(key) for key, v in sizes.items() if v == value and _bare(key).isidentifier()}
    return names.pop() if len(names) == 1 else None


# -- a reshape whose inferred axis took in part of each sample ---------------------------
def _reshape_call(value: ast.expr) -> list[ast.expr] | None:
    """The target sizes of ``<a>.reshape(-1, ...)`` / ``np.reshape(a, (-1, ...))`` with the
    inferred -1 first, else None."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute) \
            or value.func.attr != "reshape" or value.keywords:
        return None
    args = list(value.args)
    if isinstance(value.func.value, ast.Name) and value.func.value.id in ("np", "numpy"):
        args = args[1:]  # np.reshape(a, shape)
    if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
        args = list(args[0].elts)
    if len(args) < 2 or not _is_minus_one(args[0]):
        return None
    return args


def _is_minus_one(node: ast.expr) -> bool:
    return (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant) and node.operand.value == 1)


def _regroup_fix(call: Any, made: ast.Assign, var: str, k: int, n_y: int) -> TrainingFix | None:
    sizes = _reshape_call(made.value)
    segment = _segment(call.site, sizes[-1])
    if segment is None:
        return None
    line, start, end, text, raw = segment
    last = sizes[-1]
    if isinstance(last, ast.Constant) and type(last.value) is int:  # noqa: E721 - not a bool
        new = str(last.value * k)
    else:
        new = f"{text} * {k}" if isinstance(last, (ast.Name, ast.Attribute, ast.Subscript)) else f"({text}) * {k}"
    new_line = (raw[:start] + new + raw[end:]).strip()

    def apply(value):
        import numpy as np

        a = np.asarray(value)
        return a.reshape((n_y,) + a.shape[1:-1] + (a.shape[-1] * k,))

    def checks(full):
        return [("samples", len(full) == n_y, f"{len(full)} samples against {n_y} labels"),
                ("keeps_data", True, f"each run of {k} rows the reshape split off is one sample again")]

    from shapedoctor.repair.declared_from_data import declared_from

    declared = declared_from(call.site.file, var)
    return TrainingFix(f"keep each sample whole in the reshape: {new_line}", "data", apply=apply, checks=checks,
                       recounts=n_y, line_edit=(line, start, end, new, new_line), cost=1,
                       note=f"the -1 axis absorbed {k} rows per sample",
                       proof_only=(f"the model's input is declared from `{declared}`, which this fix changes"
                                   if declared else None))


# -- arrays joined along the sample axis -------------------------------------------------
_ROW_JOINS = {"vstack": "hstack", "row_stack": "column_stack"}


def _joined_statement(site: Any, var: str | None) -> ast.Assign | None:
    """``var = np.concatenate([a, b], axis=0)`` (or ``np.vstack([a, b])``), on one or more lines."""
    from shapedoctor.repair.data_follows import made_at

    if var is None:
        return None
    made = made_at(site, var)
    node = made.statement if made is not None else None
    if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.value, ast.Call):
        return None
    func = node.value.func
    name = func.attr if isinstance(func, ast.Attribute) else None
    if name not in ("concatenate", *_ROW_JOINS) or not node.value.args \
            or not isinstance(node.value.args[0], (ast.List, ast.Tuple)):
        return None
    return node


def _unjoin_fix(call: Any, made: ast.Assign, k: int, n_y: int) -> TrainingFix | None:
    """Join the parts along the feature axis: ``axis=0`` -> ``axis=1``, ``vstack`` -> ``hstack``; only
    when x is as many times the labels' count as there are parts (each part one row per label)."""
    value = made.value
    parts = value.args[0].elts
    if len(parts) != k or any(isinstance(p, ast.Starred) for p in parts):
        return None
    name = value.func.attr
    axis = next((kw.value for kw in value.keywords if kw.arg == "axis"), None)
    if len(value.args) > 1:
        axis = value.args[1]
    if name == "concatenate":
        if axis is None:  # the default, axis 0: write the axis after the list
            node, new = value.args[0], None
        elif isinstance(axis, ast.Constant) and axis.value == 0:
            node, new = axis, "1"
        else:
            return None
    else:
        node, new = value.func, None
    segment = _segment(call.site, node)
    if segment is None:
        return None
    line, start, end, text, raw = segment
    if name == "concatenate" and new is None:
        new = f"{text}, axis=1"
    elif new is None:
        new = text[: -len(name)] + _ROW_JOINS[name]
    new_line = (raw[:start] + new + raw[end:]).strip()

    def apply(value):
        import numpy as np

        a = np.asarray(value)
        return np.concatenate(np.split(a, k, axis=0), axis=1)

    def checks(full):
        return [("samples", len(full) == n_y, f"{len(full)} samples against {n_y} labels"),
                ("keeps_data", True, f"the {k} parts' rows are kept, side by side instead of one after another")]

    shown = "axis=1" if name == "concatenate" else _ROW_JOINS[name]
    return TrainingFix(f"join the parts side by side: {shown} (axis 0 stacks them as extra samples)", "data",
                       apply=apply, checks=checks, recounts=n_y, line_edit=(line, start, end, new, new_line),
                       note=f"x held the {k} parts one after another", cost=1)
