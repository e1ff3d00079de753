"""Predictions compared with the targets by hand in NumPy: (n,) against (n, 1) broadcasts to (n, n).

``model.predict(x)`` returns one row per sample, (n, 1) for a one-unit head, and a target array is
usually (n,). ``np.subtract(y, model.predict(x))`` or ``y_test - preds`` then broadcasts to (n, n):
every target is compared with every prediction, the mean is finite and nothing raises; a hand
computed MSE or MAE comes out far from Keras's own. The arithmetic runs on NumPy arrays, which the
recorder cannot watch, so the evidence is read after the script ended (``run`` of a script that
finished): a predict call the recorder saw, an element-wise operator or NumPy function on the
statement that holds it, or on a later statement that uses the name it was assigned to, and the
other operand a name of the script whose array is (n,) while the predictions are (n, 1).

The fix flattens the predictions where they meet the targets (``.ravel()``): both operands then
have the same shape and every sample keeps its partner (``run --write`` proves it by running the
patched script).
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.families import get
from shapedoctor.graph.model import format_shape
from shapedoctor.patch.apply import attach
from shapedoctor.patch.textedit import TextEdit
from shapedoctor.report.model import Finding, FixReport, Place
from shapedoctor.trace.recorder import shape_of

_OPERATORS = {ast.Sub: "-", ast.Add: "+", ast.Mult: "*", ast.Div: "/"}
_UFUNCS = {"subtract": "-", "add": "+", "multiply": "*", "divide": "/", "true_divide": "/"}


def predicted_broadcast_findings(recorder: Any) -> list[Finding]:
    names = getattr(recorder, "module_globals", None)
    if not names:
        return []
    out, seen = [], set()
    for call in getattr(recorder, "training_calls", []):
        if call.method != "predict" or call.error is not None or call.site is None:
            continue
        try:
            found = _findings(call, names)
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
            continue
        for finding in found:
            key = (finding.culprit.file, finding.culprit.line)
            if key not in seen:
                seen.add(key)
                out.append(finding)
    return out


def _findings(call: Any, names: dict) -> list[Finding]:
    from shapedoctor.trace.sites import is_user_file

    file = call.site.file
    if not is_user_file(file):
        return []
    import linecache

    source = "".join(linecache.getlines(file))  # as run (a proof serves the patched text there)
    if not source:
        return []
    tree = ast.parse(source)
    predicts = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                and n.func.attr == "predict" and n.lineno <= call.site.line <= n.end_lineno]
    if len(predicts) != 1:
        return []
    predict = predicts[0]
    found = []
    for op, predicted, other in _pairs(tree, predict):
        value = names.get(predicted.id) if isinstance(predicted, ast.Name) else None
        shape_p = shape_of(value) if value is not None else _shape_of_predictions(call)
        shape_o = _operand_shape(other, names)
        if shape_p is None or shape_o is None or len(shape_p) != 2 or shape_p[1] != 1 or len(shape_o) != 1 \
                or shape_p[0] != shape_o[0] or shape_o[0] in (None, 0, 1):
            continue
        finding = _finding(file, source, op, predicted, other, shape_p, shape_o)
        if finding is not None:
            found.append(finding)
    return found


_PURE_FUNCTIONS = {"squeeze", "ravel", "reshape", "flatten", "asarray", "array"}
_PURE_METHODS = {"squeeze", "ravel", "reshape", "flatten", "astype"}


def _operand_shape(node: ast.expr, names: dict) -> tuple | None:
    """The shape of the other operand: a name of the script, or a pure expression of its names (another
    model's predictions squeezed, ``np.squeeze(p, axis=1)``, ``p.ravel()``, ``p[:, 0]``) evaluated on their
    final values; None for anything else (nothing with side effects is ever run)."""
    if isinstance(node, ast.Name):
        return shape_of(names.get(node.id))
    if not _pure(node):
        return None
    import numpy as np

    scope = {k: v for k, v in names.items() if not k.startswith("__")}
    try:
        value = eval(compile(ast.Expression(node), "<operand>", "eval"), {"__builtins__": {}}, scope)  # noqa: S307
    except Exception:  # noqa: BLE001 - an operand we cannot re-read is no evidence
        return None
    return shape_of(value) if isinstance(value, np.ndarray) or hasattr(value, "shape") else None


def _pure(node: ast.expr) -> bool:
    """*node* reads names and constants through NumPy/TensorFlow shape functions, their array methods and
    subscripts only."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Subscript):
        return _pure(node.value) and _pure(node.slice)
    if isinstance(node, ast.Slice):
        return all(p is None or _pure(p) for p in (node.lower, node.upper, node.step))
    if isinstance(node, ast.Tuple):
        return all(_pure(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _pure(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        args = [*node.args, *(k.value for k in node.keywords)]
        if any(k.arg is None for k in node.keywords) or not all(_pure(a) for a in args):
            return False
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id in ("np", "numpy", "tf"):
            return node.func.attr in _PURE_FUNCTIONS
        return node.func.attr in _PURE_METHODS and _pure(owner)
    return False


def _shape_of_predictions(call: Any) -> tuple | None:
    """(n, width) of a predict call on arrays of n samples with one (None, width) output."""
    from shapedoctor.diagnosis.training_base import flat_items, model_outputs

    xs = [s for s in flat_items(call.x_shapes) if s] if call.x_shapes is not None else []
    outputs = model_outputs(call.model)
    if call.batched or not xs or len(outputs) != 1 or len(outputs[0]) != 2:
        return None
    return (xs[0][0], outputs[0][1])


def _pairs(tree: ast.Module, predict: ast.Call):
    """(operation, the predictions' node, the other operand's node) for every element-wise operation
    on the predict call itself, or on the name it was assigned to in a later statement."""
    assigned = next((s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.value is predict
                     and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)), None)
    for node in ast.walk(tree):
        for left, right in _operands(node):
            for mine, other in ((left, right), (right, left)):
                if mine is predict:
                    yield node, mine, other
                elif assigned is not None and isinstance(mine, ast.Name) and mine.id == assigned.targets[0].id \
                        and node.lineno > assigned.end_lineno:
                    yield node, mine, other


def _operands(node: ast.AST) -> list[tuple[ast.expr, ast.expr]]:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return [(node.left, node.right)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _UFUNCS \
            and isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "numpy") \
            and len(node.args) == 2 and not node.keywords:
        return [(node.args[0], node.args[1])]
    return []


def _symbol(node: ast.AST) -> str:
    return _OPERATORS[type(node.op)] if isinstance(node, ast.BinOp) else _UFUNCS[node.func.attr]


def _finding(file: str, source: str, op: ast.AST, predicted: ast.expr, other: ast.expr, shape_p: tuple,
             shape_o: tuple) -> Finding | None:
    from shapedoctor.trace.sites import display_path

    fam = get("SD204")
    lines = source.splitlines()
    text = ast.get_source_segment(source, predicted)
    if not text or "\n" in text or predicted.lineno > len(lines) or not lines[predicted.lineno - 1].isascii():
        return None
    n = shape_o[0]
    crossed = format_shape((n, n))
    code_line = lines[op.lineno - 1].strip()
    shown = display_path(file)
    place = Place("loss", None, None, shown, op.lineno, code_line)
    first, second = (shape_p, shape_o) if _left_is(op, predicted) else (shape_o, shape_p)
    explanation = (
        f"`{code_line}` combines the predictions, {format_shape(shape_p)} (one row per sample, one column per "
        f"output unit), with `{ast.get_source_segment(source, other)}`, {format_shape(shape_o)}. NumPy broadcasting "
        f"pairs every row with every row: the result is {crossed}, each target is compared with every "
        "prediction, and its mean is finite, so nothing raises and the number computed is not the per-sample "
        "error. Flatten the predictions (or make the targets a column) so both sides have the same shape."
    )
    new = f"{text}.ravel()" if isinstance(predicted, (ast.Name, ast.Call, ast.Attribute, ast.Subscript)) \
        else f"({text}).ravel()"
    raw = lines[predicted.lineno - 1]
    code = (raw[:predicted.col_offset] + new + raw[predicted.end_col_offset:]).strip()
    edit = TextEdit(file, predicted.lineno, predicted.col_offset, predicted.lineno, predicted.end_col_offset, new)
    fix = FixReport(f"Use `{new}`: the predictions as a vector, like the targets", code, shown, predicted.lineno,
                    True, format_shape((n,)), "both operands then have the same shape; nothing is broadcast",
                    checks={"same_shape": True, "keeps_samples": True}, cost=1)
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"`{code_line}` silently broadcasts {format_shape(first)} {_symbol(op)} {format_shape(second)} to {crossed}",
        consumer=place, culprit=place, expected="equal shapes",
        received=f"{format_shape(first)} and {format_shape(second)}", explanation=explanation,
        fixes=[attach(fix, [edit])],
    )


def _left_is(op: ast.AST, node: ast.expr) -> bool:
    return (op.left is node) if isinstance(op, ast.BinOp) else (op.args[0] is node)
