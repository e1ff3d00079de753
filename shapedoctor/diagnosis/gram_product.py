"""A matrix product of two (n, d) batches written without transposing the second (a similarity matrix).

keras-io's SimCLR example (r651) scores every pair of projections with ``tf.matmul(proj_a, proj_b,
transpose_b=True)``: (n, d) times (d, n) gives the (n, n) similarities. Written ``tf.matmul(proj_a,
proj_b)``, the inner sizes are d and n and TensorFlow raises "Dimensions must be equal, but are 48 and
24" inside the user's ``train_step``. Only the error's text is known; it names two operands of one
shape, (24, 48) and (24, 48).

Evidence, read: the two operands of the failed product have the same 2-D shape with different sizes,
and the user's line holds one two-argument ``matmul`` call. That call is the cause; the fix transposes
the second operand (``transpose_b=True`` for ``tf.matmul``, ``ops.transpose(b)`` for keras's), proven
by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree


def gram_product(exc: BaseException, finding: Finding | None, recorder: Any) -> Finding | None:
    if finding is None or finding.id != "SD102":
        return finding
    try:
        return _reaimed(exc, finding) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(exc: BaseException, finding: Finding) -> Finding | None:
    from shapedoctor.diagnosis.reaim import innermost_user_path
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.trace.sites import called_name, site_from_traceback

    facts = parse(str(exc))
    if facts is None or (facts.details or {}).get("operation") != "matmul" or len(facts.shapes) != 2:
        return None
    a, b = (parse_shape(s) for s in facts.shapes)
    if a is None or b is None:
        return None
    # (batch, n, k) times (batch, n, d): attention weights over n steps applied to the n steps; the first
    # operand needs its last two axes swapped, (batch, k, n) (keras-io CCT's SequencePooling, r1057)
    # Two operands of one (batch, n, d) shape are queries and keys (d2l's dot-product attention, r1139): the second
    # is transposed, as for two (n, d) batches.
    weights = len(a) == len(b) == 3 and a[1] == b[1] and a[2] != b[1] and a[1] is not None and a[2] != b[2]
    if not weights and (tuple(a) != tuple(b) or len(a) not in (2, 3) or a[-2] == a[-1]):
        return None
    site, path = site_from_traceback(exc.__traceback__), innermost_user_path(exc)
    if site is None or path is None:
        return None
    try:
        tree = source_tree(path)
    except (SyntaxError, ValueError):
        return None
    products = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == c.end_lineno
                and called_name(c.func) == "matmul" and len(c.args) == 2 and not c.keywords]
    calls = [c for c in products if c.lineno == site.line]
    if not calls and ("stack traces unavailable" in str(exc) or "Detected at node" in str(exc)):
        # A graph-mode fit names no line of the product ("Detected at node .../MatMul defined at ...: <stack
        # traces unavailable>", a custom compute_loss, r1209): the file's one product of two operands is it;
        # the proof (the patched script run) tells whether it was
        calls = products
    if len(calls) != 1:
        return None
    call = calls[0]
    module = ast.unparse(call.func.value) if isinstance(call.func, ast.Attribute) else None
    if weights:
        return _weights_first(finding, path, site, call, module, a, b)
    edit = _transposed(path, call, module, 1, ", axes=(0, 2, 1)" if len(a) == 3 else "")
    if edit is None:
        return None
    code = linecache.getline(path, call.lineno).strip()
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", "matmul", None, site.file, call.lineno, code)
    finding.message = f"`{ast.unparse(call)}` multiplies two {tuple(a)} matrices: the second needs transposing"
    rows, width = a[-2], a[-1]
    finding.explanation = (
        f"Both operands are {tuple(a)}: {rows} rows of {width} values"
        + (" per sample" if len(a) == 3 else "") + f". A matrix product pairs the last axis of the first ({width}) "
        f"with the {'middle' if len(a) == 3 else 'first'} axis of the second ({rows}), so two sets of vectors multiply "
        f"only with the second transposed, ({width}, {rows}), which gives the ({rows}, {rows}) matrix of every pair's "
        "dot product (a similarity matrix, or the attention scores of queries against keys).")
    finding.fixes = [script_checked_fix("transpose the second operand", edit.shown(), site.file, call.lineno, [edit])]
    return finding


def _weights_first(finding: Finding, path: str, site: Any, call: ast.Call, module: str | None, a: tuple,
                   b: tuple) -> Finding | None:
    """The first operand transposed on its last two axes: ``ops.matmul(ops.transpose(w, axes=(0, 2, 1)), x)``."""
    from shapedoctor.patch.apply import script_checked_fix

    edit = _transposed(path, call, module, 0, ", axes=(0, 2, 1)")
    if edit is None:
        return None
    code = linecache.getline(path, call.lineno).strip()
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", "matmul", None, site.file, call.lineno, code)
    from shapedoctor.graph.model import format_shape

    finding.message = (f"`{ast.unparse(call)}` multiplies {format_shape(tuple(a))} by {format_shape(tuple(b))}: the "
                       "first needs its last two axes swapped")
    finding.explanation = (
        f"Both operands have {a[1]} rows on their middle axis: the first holds {a[2]} weight(s) per row, the second "
        f"{b[2]} values per row. A matrix product pairs the first's last axis ({a[2]}) with the second's middle "
        f"axis ({b[1]}); weights over the {a[1]} rows must be laid out ({a[2]}, {a[1]}) per sample, so the product "
        f"sums the rows: ({a[2]}, {b[2]}) per sample.")
    finding.fixes = [script_checked_fix("transpose the first operand's last two axes", edit.shown(), site.file,
                                        call.lineno, [edit])]
    return finding


def _transposed(path: str, call: ast.Call, module: str | None, index: int, axes: str = "") -> Any:
    """The edit transposing operand *index* of a ``matmul`` *call*: ``transpose_a``/``transpose_b=True`` for
    TensorFlow's, ``{module}.transpose(operand{axes})`` for keras.ops' or NumPy's; None without a module."""
    from shapedoctor.patch.textedit import TextEdit

    operand = call.args[index]
    text = linecache.getline(path, operand.lineno)[operand.col_offset:operand.end_col_offset]
    if module in ("tf", "tf.linalg", "tensorflow"):
        end = call.end_col_offset - 1
        return TextEdit(path, call.lineno, end, call.lineno, end, f", transpose_{'ab'[index]}=True")
    if module is not None:
        return TextEdit.replacing(path, operand, f"{module}.transpose({text}{axes})")
    return None
