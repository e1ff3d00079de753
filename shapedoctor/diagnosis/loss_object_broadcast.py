"""A Keras loss object the user's code called on targets and predictions it broadcast (SD204, silent).

The loss watch (trace/loss_calls.py) notes each user line where ``loss_fn(y_true, y_pred)`` ran on
shapes that differ beyond what Keras lines up. Each becomes a warning at that line. Two kinds of
evidence name the line that made the wrong shape, each with a fix proven by running the patched
script (which must then finish without the warning):

* **Predictions reduced over the wrong axes.** Deep Q-learning keeps the Q-value of the action taken
  with a one-hot mask and sums over the action axis (keras-io's Atari DQN:
  ``ops.sum(ops.multiply(q_values, masks), axis=1)``; Hands-On ML, chapter 18:
  ``tf.reduce_sum(all_Q_values * mask, axis=1, keepdims=True)``). The predictions passed to the loss
  are a name bound earlier in the same scope to either a sum without ``axis`` (the whole batch summed
  to one number: predictions ``()`` against ``(n,)`` or ``(n, 1)`` targets) or a product with a mask made by
  ``one_hot`` and never summed (``(n, k)`` against ``(n, 1)`` or ``(n,)``). That binding is the cause;
  the fix sums over axis 1, keeping that axis when the targets have it.
* **Labels of another width in a train_step.** ``self.loss_fn(y, y_pred)`` where ``y`` is the step's
  own labels (``x, y = data``) and the ``fit`` running gave a labels array of ``(N, k)`` for a model
  whose predictions are ``(n, m)``: the line that made that array is the cause. When it writes the
  array's shape as a literal (``rng.random((1000, 32))``), the fix writes the predictions' width there.

Without such evidence the loss line itself is named, with no fix.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.graph.model import format_shape
from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import called_name
from shapedoctor.trace.sites import source_tree

_SUMS = ("sum", "reduce_sum")


def loss_call_findings(recorder: Any) -> list[Finding]:
    out = []
    for event in getattr(recorder, "loss_calls", []):
        try:
            out.append(_finding(event, getattr(recorder, "module_globals", None)))
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
    return out


def _finding(event: Any, names: dict | None) -> Finding:
    from shapedoctor.families import get

    fam = get("SD204")
    true, pred = format_shape(event.y_true), format_shape(event.y_pred)
    where = event.training_site or event.site
    consumer = Place("loss", None, event.loss, where.file, where.line, where.code)
    culprit = Place("loss", None, event.loss, event.site.file, event.site.line, event.site.code)
    explanation = (
        f"`{event.site.code}` gives {event.loss} targets {true} and predictions {pred}. A Keras loss compares "
        "its two arguments value by value; it lines up a trailing axis of 1, and broadcasts any other "
        "difference without a word: each target meets predictions it was not made for, the loss is still a "
        "finite number, nothing raises, and training optimises the wrong quantity. The two must have one shape.")
    finding = Finding(fam.id, fam.slug, fam.severity,
                      f"`{event.site.code}` compares targets {true} with predictions {pred}: {event.loss} "
                      "broadcasts them silently", consumer=consumer, culprit=culprit, expected="equal shapes",
                      received=f"{true} and {pred}", explanation=explanation, fixes=[])
    try:
        tree = source_tree(event.path)
    except (SyntaxError, ValueError):
        return finding
    call = _loss_call(tree, event.site.line)
    if call is None or len(call.args) < 2:
        return finding
    return _reduced(finding, event, tree, call) or _step_labels(finding, event, tree, call, names) or finding


def _loss_call(tree: ast.Module, line: int) -> ast.Call | None:
    """The call on *line* that passes two arguments (the loss object's call), innermost first."""
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= line <= (c.end_lineno or c.lineno)
             and len(c.args) >= 2]
    return min(calls, key=lambda c: (c.end_lineno or c.lineno) - c.lineno + c.end_col_offset - c.col_offset,
               default=None)


def _binding(tree: ast.Module, name: str, line: int) -> ast.Assign | None:
    """The last one-line ``name = value`` before *line* in the innermost scope around *line*."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment

    return last_assignment(enclosing_scope(tree, line), name, line)


def _reduced(finding: Finding, event: Any, tree: ast.Module, call: ast.Call) -> Finding | None:
    """Predictions summed over the whole batch, or masked and never summed (see the module)."""
    pred, true = tuple(event.y_pred), tuple(event.y_true)
    arg = call.args[1]
    if not isinstance(arg, ast.Name) or not true or len(true) > 2 or (len(true) == 2 and true[1] != 1):
        return None
    stmt = _binding(tree, arg.id, event.site.line)
    if stmt is None:
        return None
    value, keep = stmt.value, len(true) == 2
    text = linecache.getline(event.path, stmt.lineno)
    if not text.isascii():
        return None
    extra = ", axis=1, keepdims=True" if keep else ", axis=1"
    if pred == () and isinstance(value, ast.Call) and called_name(value.func) in _SUMS and len(value.args) == 1 \
            and not value.keywords:
        new_text = text[value.col_offset:value.end_col_offset - 1] + extra + ")"
        why = (f"`{arg.id}` is summed over every axis on line {stmt.lineno}, the whole batch added up to one "
               f"number, while the targets hold one value per sample {format_shape(true)}: sum over the action "
               "axis only (axis=1).")
    elif len(pred) == 2 and isinstance(pred[1], int) and pred[1] > 1 and _masked_product(tree, value, stmt.lineno):
        reducer = _reducer(tree)
        if reducer is None:
            return None
        new_text = f"{reducer}({text[value.col_offset:value.end_col_offset]}{extra})"
        why = (f"`{arg.id}` keeps all {pred[1]} values of each sample on line {stmt.lineno}, zeroed by a one-hot "
               f"mask but never summed, while the targets hold one value per sample {format_shape(true)}: "
               "sum the masked values over axis 1 to keep the one the mask selects.")
    else:
        return None
    return _aimed(finding, event, stmt, value, new_text, why, "loss", None)


def _masked_product(tree: ast.Module, value: ast.expr, line: int) -> bool:
    """*value* multiplies by a mask made with ``one_hot`` (``q * mask``, ``multiply(q, mask)``)."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
        operands = [value.left, value.right]
    elif isinstance(value, ast.Call) and called_name(value.func) == "multiply" and len(value.args) == 2:
        operands = list(value.args)
    else:
        return False
    for operand in operands:
        if isinstance(operand, ast.Call) and called_name(operand.func) == "one_hot":
            return True
        if isinstance(operand, ast.Name):
            made = _binding(tree, operand.id, line)
            if made is not None and isinstance(made.value, ast.Call) and called_name(made.value.func) == "one_hot":
                return True
    return False


def _reducer(tree: ast.Module) -> str | None:
    """The sum the script can call: ``tf.reduce_sum`` with TensorFlow imported as tf, else ``keras.ops.sum``."""
    imported = {(a.asname or a.name) for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    if "tf" in imported:
        return "tf.reduce_sum"
    if "keras" in imported:
        return "keras.ops.sum"
    return None


def _step_labels(finding: Finding, event: Any, tree: ast.Module, call: ast.Call, names: dict | None) -> Finding | None:
    """The labels a fit gave a train_step, made with another width than the predictions (see the module)."""
    import numpy as np

    from shapedoctor.diagnosis.flat_targets import binds_labels, step_at
    from shapedoctor.diagnosis.training_fixes import argument_name

    true, pred = tuple(event.y_true), tuple(event.y_pred)
    site, arg = event.training_site, call.args[0]
    if site is None or not names or not isinstance(arg, ast.Name) or len(true) != 2 or len(pred) != 2 \
            or not isinstance(pred[1], int) or not isinstance(true[1], int) or pred[1] == true[1]:
        return None
    step = step_at(tree, event.site.line)
    if step is None or not any(binds_labels(s, arg.id, step.args.args[1].arg) for s in ast.walk(step)):
        return None
    name = argument_name(site, 1, "y")
    labels = names.get(name) if name else None
    if not isinstance(labels, np.ndarray) or labels.ndim != 2 or labels.shape[1] != true[1]:
        return None
    # bound once at the top level (the step's own `x, y = data` is another scope)
    top = [s for s in tree.body if isinstance(s, ast.Assign) and any(
        isinstance(n, ast.Name) and n.id == name for t in s.targets for n in ast.walk(t))]
    stmt = top[0] if len(top) == 1 else None
    if stmt is None or stmt.lineno != stmt.end_lineno or len(stmt.targets) != 1 \
            or not isinstance(stmt.targets[0], ast.Name):
        return None
    literal = next((t for t in ast.walk(stmt.value) if isinstance(t, ast.Tuple) and len(t.elts) == 2
                    and all(isinstance(e, ast.Constant) and type(e.value) is int for e in t.elts)
                    and tuple(e.value for e in t.elts) == tuple(labels.shape)), None)
    why = (f"`{name}` is made {format_shape(labels.shape)} on line {stmt.lineno}, {true[1]} values per sample, and the "
           f"train_step passes it as the targets of predictions with {pred[1]}: make the labels one value per output, "
           "like the model's predictions.")
    if literal is None:
        return _aimed(finding, event, stmt, None, None, why, "labels", name)
    new_text = f"({labels.shape[0]}, {pred[1]})"
    return _aimed(finding, event, stmt, literal, new_text, why, "labels", name)


def _aimed(finding: Finding, event: Any, stmt: ast.Assign, node: ast.expr | None, new_text: str | None, why: str,
           kind: str, name: str | None) -> Finding:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    file = event.path
    finding.culprit = Place(kind, name, kind, display_path(file), stmt.lineno, linecache.getline(file, stmt.lineno).strip())
    finding.explanation = why + " " + finding.explanation
    if node is not None and new_text is not None:
        edit = TextEdit.replacing(file, node, new_text)
        title = "sum over axis 1, the action axis" if kind == "loss" else "make the labels the predictions' width"
        finding.fixes.insert(0, script_checked_fix(title, edit.shown(), display_path(file), node.lineno, [edit]))
    return finding
