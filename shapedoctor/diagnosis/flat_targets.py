"""Flat targets made at the script's top level for a hand-written loss: the line that made them.

A hand-written loss that compares (n,) targets with a one-unit model's (n, 1) output broadcasts to
(n, n) (diagnosis/silent_losses.py names the line that brought the two together). Keras's own
losses take labels shaped like the model's output, and the official examples build such targets as
a column (Deep Learning with Python, chapter 3: ``np.vstack`` of ``(n, 1)`` zeros and ones). When
the flat operand is an array the script made at its top level, that line is where the targets got
the wrong shape: it becomes the root cause, and the fix ends its value with ``.reshape(-1, 1)``.

Evidence, all read: the (n,) operand ran eagerly, so its size and first values were noted
(trace/tensor_ops.py); exactly one array among the script's names when it ended has that size and
those values, or else (a batch drawn at random, ``y[idx]``, Hands-On ML's ``random_batch``; not a
run of consecutive values, a loop's own slicing) exactly one smallest float array holds every one of
those values; the script assigns that name exactly
once, at its top level (``y_train = ...``, or one item of ``y_train, y_valid = a[:n], a[n:]``). A loss run
as a graph notes no values: then a ``train_step`` that compares its own labels with its own prediction
(``_step_labels``), or a loss that compares its own two parameters unchanged (``_loss_labels``), and the
1-D array the running ``fit`` passes as labels say which array it is. The fix keeps every
sample and its order; ``run`` proves it by running the patched script, which must then finish
without a shape warning (other uses of the array must still work).
"""

from __future__ import annotations

import ast
from typing import Any

_PLAIN = (ast.Name, ast.Attribute, ast.Subscript, ast.Call)  # take ``.reshape`` without parentheses
_RESHAPE = ".reshape(-1, 1)"


def aim_at_flat_targets(finding: Any, event: Any, names: dict | None) -> Any:
    """*finding* (a loss broadcast) re-aimed at the top-level line that made its flat targets, with
    that line's fix first; *finding* unchanged when the evidence above is not all there."""
    if not names or event.flat_is_model:
        return finding
    file = names.get("__file__")
    from shapedoctor.trace.sites import is_user_file

    if not isinstance(file, str) or not is_user_file(file):
        return finding
    name = (_array_named(names, event.flat_head) if event.flat_head is not None
            else _step_labels(event, names) or _loss_labels(event, names))
    if name is None:
        return finding
    from shapedoctor.patch.apply import read_source

    source = read_source(file)
    if source is None:
        return finding
    from shapedoctor.diagnosis.data_origin import single_assignments

    tree = ast.parse(source)
    statement = single_assignments(tree).get(name)
    value = statement.value if statement is not None else None
    if statement is None:
        statement, value = _unpacked(tree, name)
    if statement is None:
        return finding
    return _aimed(finding, name, file, source, statement, value, len(names[name]))


def _step_labels(event: Any, names: dict) -> str | None:
    """The labels array a ``fit`` call gave a ``train_step`` whose (n,) operand is the step's own labels,
    met with the step's own prediction: the operand is a name unpacked second from the step's data
    (``x, y = data``) or ``data[1]``, the other is ``self(...)``, and the ``fit`` running then passes a
    1-D array of the script's as its labels. A step traced as a graph notes
    no values of its operands (``flat_head``), but the step's code and the ``fit`` call say which array
    they are."""
    import numpy as np

    from shapedoctor.diagnosis.silent_losses import _operands
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.patch.apply import read_source

    site = event.training_site
    if site is None or event.helper or not site.file:
        return None
    source = read_source(event.culprit_path)
    if source is None:
        return None
    tree = ast.parse(source)
    step = step_at(tree, event.culprit.line)
    flat, column = _operands(tree, event, event.culprit.line)
    if step is None or not isinstance(flat, ast.Name) or not _own_prediction(step, column):
        return None
    data = step.args.args[1].arg
    if not any(binds_labels(stmt, flat.id, data) for stmt in ast.walk(step)):
        return None
    name = argument_name(site, 1, "y")
    value = names.get(name) if name else None
    return name if isinstance(value, np.ndarray) and value.ndim == 1 else None


def _loss_labels(event: Any, names: dict) -> str | None:
    """The labels array a ``fit``/``evaluate`` call gave a loss whose code compares its own two
    parameters unchanged: the operator sits in ``call(self, y_true, y_pred)`` of a ``Loss`` subclass
    (or any function of the two), its (n,) operand is the first parameter, its (n, 1) operand the second,
    neither is rebound before, and the call running then passes a 1-D array of the script's as its
    labels. Keras hands such a loss the labels exactly as given (a ``Loss`` subclass gets no rank
    alignment), so the flat operand is that array: the guide's loss is right for targets shaped like the
    output. Traced as a graph, the operator noted no values (``flat_head``); the code and the call say
    which array it is."""
    import numpy as np

    from shapedoctor.diagnosis.silent_losses import _operands
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.patch.apply import read_source

    site = event.training_site
    if site is None or event.helper or not site.file or event.stage not in ("fit", "evaluate"):
        return None
    source = read_source(event.culprit_path)
    if source is None:
        return None
    tree = ast.parse(source)
    line = event.culprit.line
    around = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.lineno <= line <= (f.end_lineno or f.lineno)]
    if not around:
        return None
    loss = max(around, key=lambda f: f.lineno)
    params = [a.arg for a in loss.args.posonlyargs + loss.args.args]
    params = params[1:] if params[:1] == ["self"] else params
    flat, column = _operands(tree, event, line)
    if len(params) < 2 or not isinstance(flat, ast.Name) or not isinstance(column, ast.Name) \
            or (flat.id, column.id) != tuple(params[:2]):
        return None
    rebound = {n.id for n in ast.walk(loss) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
               and n.lineno <= line}
    if rebound & set(params[:2]):
        return None
    name = argument_name(site, 1, "y")
    value = names.get(name) if name else None
    return name if isinstance(value, np.ndarray) and value.ndim == 1 else None


def _own_prediction(step: ast.FunctionDef, node: ast.AST | None) -> bool:
    """*node* is the step's own prediction: ``self(...)``, or a name bound to it in the step. The labels
    then meet the model's output directly, so they should have its shape (a target built from another
    model's output, a Bellman target, is another matter)."""
    def predicts(value: ast.AST | None) -> bool:
        return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "self"

    if predicts(node):
        return True
    return isinstance(node, ast.Name) and any(
        isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == node.id for t in s.targets)
        and predicts(s.value) for s in ast.walk(step))


def step_at(tree: ast.Module, line: int) -> ast.FunctionDef | None:
    """The ``train_step``/``test_step(self, data)`` around *line*, or None."""
    return next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name in ("train_step", "test_step")
                 and f.lineno <= line <= (f.end_lineno or f.lineno) and len(f.args.args) == 2), None)


def binds_labels(stmt: ast.AST, name: str, data: str) -> bool:
    """*stmt* binds *name* to the second item of the step's *data* (``x, y = data``, ``y = data[1]``)."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
        return False
    target, value = stmt.targets[0], stmt.value
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, ast.Name) and value.id == data:
        return len(target.elts) >= 2 and isinstance(target.elts[1], ast.Name) and target.elts[1].id == name
    return (isinstance(target, ast.Name) and target.id == name and isinstance(value, ast.Subscript)
            and isinstance(value.value, ast.Name) and value.value.id == data
            and isinstance(value.slice, ast.Constant) and value.slice.value == 1)


def _unpacked(tree: ast.Module, name: str) -> tuple[ast.Assign | None, ast.expr | None]:
    """``y_train, y_valid = a[:n], a[n:]`` at the top level, the one binding of *name*: that
    statement and the value *name* gets (``a[:n]``)."""
    from collections import Counter

    stores = Counter(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    if stores[name] != 1:
        return None, None
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Tuple) \
                and isinstance(stmt.value, ast.Tuple) and len(stmt.targets[0].elts) == len(stmt.value.elts):
            for target, value in zip(stmt.targets[0].elts, stmt.value.elts):
                if isinstance(target, ast.Name) and target.id == name:
                    return stmt, value
    return None, None


def _array_named(names: dict, head: tuple) -> str | None:
    """The one name of the script whose 1-D array has *head*'s size and first values."""
    import numpy as np

    size, first = head
    found: dict[int, list[str]] = {}
    for key, value in names.items():
        if key.startswith("_") or not isinstance(value, np.ndarray) or value.ndim != 1 or value.size != size:
            continue
        if value.dtype.kind not in "fiub":
            continue
        if np.allclose(value[:len(first)].astype("float64"), np.asarray(first), rtol=1e-6, atol=1e-6):
            found.setdefault(id(value), []).append(key)
    if not found:
        return _drawn_from(names, head)
    if len(found) != 1:
        return None
    keys = next(iter(found.values()))
    return keys[0] if len(keys) == 1 else None


def _drawn_from(names: dict, head: tuple) -> str | None:
    """The smallest 1-D float array of the script that holds every value of *head* (a batch drawn from
    it at random, ``y[idx]``), when exactly one array is that smallest and the values are not few."""
    import numpy as np

    size, first = head
    if len(first) < 8:
        return None  # a few values could be found in many arrays
    wanted = np.asarray(first, dtype="float64")
    found: dict[int, tuple[int, list[str]]] = {}
    for key, value in names.items():
        if key.startswith("_") or not isinstance(value, np.ndarray) or value.ndim != 1 or value.size <= size \
                or value.dtype.kind != "f":
            continue
        values = value.astype("float64")
        if np.all(np.isin(wanted, values)) and not _contiguous(values, wanted):
            found.setdefault(id(value), (value.size, []))[1].append(key)
    if not found:
        return None
    smallest = min(n for n, _keys in found.values())
    keys = [k for n, ks in found.values() if n == smallest for k in ks]
    return keys[0] if len(keys) == 1 else None


def _contiguous(values, wanted) -> bool:
    """*wanted* is a run of consecutive values of *values* (``y[start:start + n]``, a loop's own batching):
    the line that sliced and compared them keeps the reading."""
    import numpy as np

    starts = np.flatnonzero(values == wanted[0])
    return any(np.array_equal(values[k:k + len(wanted)], wanted) for k in starts)


def _aimed(finding: Any, name: str, file: str, source: str, statement: ast.Assign, value: ast.expr, n: int) -> Any:
    from shapedoctor.diagnosis.label_literal import aimed_at_labels
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, apply_edits
    from shapedoctor.trace.sites import display_path

    end = TextEdit(file, value.end_lineno, value.end_col_offset, value.end_lineno, value.end_col_offset,
                   ")" + _RESHAPE if not isinstance(value, _PLAIN) else _RESHAPE)
    edits = [end]
    if not isinstance(value, _PLAIN):
        edits.insert(0, TextEdit(file, value.lineno, value.col_offset, value.lineno, value.col_offset, "("))
    lines = source.splitlines(keepends=True)
    first, last = statement.lineno, statement.end_lineno
    shown = apply_edits("".join(lines[first - 1:last]), [
        TextEdit(file, e.start_line - first + 1, e.start_col, e.end_line - first + 1, e.end_col, e.text)
        for e in edits]).strip()
    fix = script_checked_fix(f"make `{name}` a column, like the model's output: ({n},) -> ({n}, 1)", shown,
                             display_path(file), first, edits, cost=1)
    why = (f"`{name}` is made as a flat vector ({n},) on line {first}, but the model's output it is compared "
           f"with is a column ({n}, 1): targets should have the shape of the output they are compared with.")
    return aimed_at_labels(finding, name, file, first, fix, why)
