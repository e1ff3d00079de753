"""Hand-written losses that broadcast (n,) against (n, 1) to (n, n) (SD204, silent).

The operator watch (trace/tensor_ops.py) notes each user line where a rank-1 batch met the
model's (n, 1) batch (or the reverse). Each becomes a warning named at the line that brought the
two together: the operator's own line, or, when the operator sits in a loss helper that only
combines its two parameters, the line that called the helper with mismatched tensors.

The fixes rewrite one operand on that line so that both sides have the same shape: the (n,)
side as a column, ``t[:, None]`` (n, 1), or the (n, 1) side as a vector, ``t[:, 0]`` (n,). Both
keep every sample and its pairing. The model's side is rewritten first and marked verified (equal
shapes, nothing broadcast; ``run --write`` proves it by running the patched script); rewriting the
targets instead is offered unverified, since the (n, 1) result may then meet other (n,) terms.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.families import get
from shapedoctor.graph.model import format_shape
from shapedoctor.patch.apply import attach, read_source
from shapedoctor.patch.textedit import TextEdit
from shapedoctor.report.model import Finding, FixReport, Place
from shapedoctor.trace.sites import called_name

_OPERATOR_TYPES = {"+": ast.Add, "-": ast.Sub, "*": ast.Mult, "/": ast.Div}
_PLAIN = (ast.Name, ast.Attribute, ast.Subscript, ast.Call)  # need no parentheses before [...]


def cross_broadcast_findings(recorder: Any) -> list[Finding]:
    from shapedoctor.diagnosis.flat_targets import aim_at_flat_targets

    watch = getattr(recorder, "op_watch", None)
    out = []
    for event in getattr(watch, "cross_broadcasts", []):
        try:
            out.append(aim_at_flat_targets(_finding(event), event, getattr(recorder, "module_globals", None)))
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
    return out


def _finding(event: Any) -> Finding:
    fam = get("SD204")
    left, right = format_shape(event.left), format_shape(event.right)
    flat, column = (event.left, event.right) if event.flat_is_left else (event.right, event.left)
    n = flat[0] if flat[0] is not None else column[0]
    crossed = format_shape((column[0], flat[0]) + tuple(flat[1:]))
    op = event.op_site
    where = event.training_site or op
    consumer = Place("loss", None, None, where.file, where.line, where.code)
    culprit = Place("loss", None, None, event.culprit.file, event.culprit.line, event.culprit.code)
    model_side = "the model's output" if not event.flat_is_model else "the other operand"
    flat_side = "the model's output" if event.flat_is_model else "the targets"
    helper = (f" inside `{event.helper}`, which this line calls with the two tensors" if event.helper else "")
    explanation = (
        f"`{op.code}`{helper} combines a {format_shape(flat)} tensor ({flat_side}) with a "
        f"{format_shape(column)} one ({model_side}). Broadcasting pairs every row with every row: "
        f"the result is {crossed}, {n if n is not None else 'n'} times larger than meant, each target is "
        "compared with every prediction, and its mean is finite, so nothing raises and training optimises "
        "the wrong quantity. Give both sides the same shape: the vector as a column, or the column as a vector."
    )
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"`{op.code}` silently broadcasts {left} {event.symbol} {right} to {crossed}",
        consumer=consumer, culprit=culprit, expected="equal shapes", received=f"{left} and {right}",
        explanation=explanation, fixes=_fixes(event),
    )


def _fixes(event: Any) -> list[FixReport]:
    """The model's side rewritten to the targets' shape first (verified); then the targets' side
    rewritten to the model's shape, not marked verified: the reported line is then right, but the
    result keeps the (n, 1) shape that other (n,) quantities of the loss may still meet; unless the
    line reduces that result to one number (a mean or sum over every axis, through elementwise
    functions only), which no other term can meet (r717: the merged fix reshapes the targets)."""
    source = read_source(event.culprit_path)
    if source is None:
        return []
    tree = ast.parse(source)
    flat_node, column_node = _operands(tree, event, event.culprit.line)
    n = event.left[0] if event.flat_is_left else event.right[0]
    flat = (flat_node, "[:, None]", (n, 1), "as a column, like the other side")
    column = (column_node, "[:, 0]", (n,), "as a vector, like the other side")
    model, data = (flat, column) if event.flat_is_model else (column, flat)
    # The targets' side is as safe when the (n, 1) result is reduced to one number right there
    # (``ops.mean(ops.square(pred - y_batch[:, None]))``): no other (n,) term can meet it.
    sides = ((model, True, "the model's output"), (data, _reduced_whole(tree, event), "the targets"))
    if len(event.left) + len(event.right) > 3:
        # one rank up, (n, k) against (n, 1, k): the side with the axis of size 1 has an axis too many
        # (ids one-hot encoded from a column); taking it out leaves both operands (n, k), nothing to meet later
        extra = event.right if event.flat_is_left else event.left
        column = (column_node, "[:, 0]", (n,) + tuple(extra[2:]), "without the axis of size 1, like the other side")
        sides = ((column, True, "the targets" if event.flat_is_model else "the model's output"),)
    fixes = []
    for (node, suffix, shape, what), verified, side in sides:
        if node is None:
            continue
        text = ast.get_source_segment(source, node)
        if not text or "\n" in text:
            continue
        new = f"{text}{suffix}" if isinstance(node, _PLAIN) else f"({text}){suffix}"
        edit = TextEdit(event.culprit_path, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, new)
        code_line = source.splitlines()[node.lineno - 1]
        code = (code_line[:node.col_offset] + new + code_line[node.end_col_offset:]).strip()
        note = ("both operands then have the same shape; nothing is broadcast" if verified else
                "this line then broadcasts nothing, but its result stays (n, 1): check the other (n,) terms of the loss")
        fix = FixReport(f"Use `{new}`: {side} {what}", code, event.culprit.file, node.lineno, verified,
                        format_shape(shape), note, checks={"same_shape": True, "keeps_samples": True}, cost=1)
        fixes.append(attach(fix, [edit]))
    return fixes


_ELEMENTWISE = {"square", "abs", "exp", "log", "sqrt", "negative", "relu", "softplus", "log1p", "expm1", "cast"}
_WHOLE = {"mean", "sum", "reduce_mean", "reduce_sum"}


def _reduced_whole(tree: ast.AST, event: Any) -> bool:
    """The broadcasting operation on the culprit line (or in the body of the helper that line calls) sits,
    through elementwise functions only (``square``, ``abs``...), inside a mean or sum over every axis."""
    if event.helper and event.op_site.file != event.culprit.file:
        return False  # the helper's body is in another file than the one read
    kind = _OPERATOR_TYPES.get(event.symbol)
    line = event.op_site.line if event.helper else event.culprit.line  # a helper: the operation in its body
    binops = [b for b in ast.walk(tree) if isinstance(b, ast.BinOp) and isinstance(b.op, kind)
              and b.lineno <= line <= b.end_lineno]
    if len(binops) != 1:
        return False
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    node = binops[0]
    while isinstance(parents.get(node), ast.Call) and node in parents[node].args[:1]:
        call = parents[node]
        name = called_name(call.func)
        if name in _WHOLE:
            return len(call.args) == 1 and not call.keywords
        if name not in _ELEMENTWISE or len(call.args) != 1:
            return False
        node = call
    if isinstance(parents.get(node), ast.BinOp) and isinstance(parents[node].op, ast.Pow):
        return _reduced_whole_power(parents, parents[node])
    return False


def _reduced_whole_power(parents: dict, power: ast.BinOp) -> bool:
    """``(a - b) ** 2`` inside a mean or sum over every axis."""
    call = parents.get(power)
    return (isinstance(call, ast.Call) and called_name(call.func) in _WHOLE and call.args[:1] == [power]
            and len(call.args) == 1 and not call.keywords)


def _operands(tree: ast.AST, event: Any, line: int) -> tuple[ast.AST | None, ast.AST | None]:
    """The source of the (n,) operand and of the (n, 1) operand on *line* (None where unknown)."""
    if event.helper:
        calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= line <= c.end_lineno
                 and called_name(c.func) == event.helper]
        if len(calls) != 1:
            return None, None
        return (_argument(calls[0], event.helper_param, event.helper_index),
                _argument(calls[0], event.helper_column_param, event.helper_column_index))
    kind = _OPERATOR_TYPES.get(event.symbol)
    binops = [b for b in ast.walk(tree) if isinstance(b, ast.BinOp) and isinstance(b.op, kind)
              and b.lineno <= line <= b.end_lineno]
    if len(binops) != 1:
        return None, None
    op = binops[0]
    return (op.left, op.right) if event.flat_is_left else (op.right, op.left)


def _argument(call: ast.Call, name: str | None, index: int | None) -> ast.AST | None:
    """The argument a call passes for the parameter *name* at position *index*."""
    keyword = [k.value for k in call.keywords if name is not None and k.arg == name]
    if keyword:
        return keyword[0]
    if index is None or index < 0 or any(isinstance(a, ast.Starred) for a in call.args[:index + 1]):
        return None
    return call.args[index] if index < len(call.args) else None
