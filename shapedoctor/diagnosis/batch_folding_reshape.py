"""A reshape written ``(-1, k)`` in a model's ``call``, folding positions into the batch axis.

facenet's nn4 model flattens its last pooled map with ``tf.reshape(net, [-1, 896])``: one row per face
only while that map is 1x1. On larger crops the map keeps 3x3 positions and the ``-1`` takes them into
the batch axis: 270 rows of logits for a batch of 30 labels, and the loss refuses them
(``target.shape=(30,), output.shape=(270, 10)``). Keras names the loss; the cause is the reshape.

Evidence, read: the loss's error names an output with k times as many rows as the targets (k > 1), and
the failing model's own ``call`` (a class of the user's) has exactly one reshape whose new shape starts
with ``-1`` and fixes every other axis with a number. That line is the cause; the fix keeps the batch
axis and flattens the rest with a ``Flatten()`` layer (it has no weights, so it may be made inside
``call``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def batch_folding_reshape(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the reshape that folded positions into the batch axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import loss_shapes
    from shapedoctor.trace.sites import is_user_file

    shapes = loss_shapes(exc)
    calls = [c for c in getattr(recorder, "training_calls", []) if c.error is exc]
    if shapes is None or not calls:
        return None
    target, output = shapes
    if not target or not output or not target[0] or not output[0] or output[0] <= target[0] \
            or output[0] % target[0]:
        return None
    method = getattr(type(calls[-1].model), "call", None)
    code = getattr(method, "__code__", None)
    if code is None or not is_user_file(code.co_filename):
        return None
    file, first = code.co_filename, code.co_firstlineno
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    fn = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.lineno == first), None)
    if fn is None:
        fn = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                   and first in [d.lineno for d in f.decorator_list]), None)
    if fn is None:
        return None
    found = [n for n in ast.walk(fn) if _folds(n)]
    if len(found) != 1 or found[0].lineno != found[0].end_lineno:
        return None
    return file, found[0], output[0] // target[0]


def _folds(node: ast.AST) -> bool:
    """``reshape(x, (-1, k, ...))`` with every axis after the first a number."""
    from shapedoctor.trace.sites import called_name

    if not (isinstance(node, ast.Call) and called_name(node.func) == "reshape" and len(node.args) == 2):
        return False
    shape = node.args[1]
    if not isinstance(shape, (ast.Tuple, ast.List)) or len(shape.elts) < 2:
        return False
    head = shape.elts[0]
    minus_one = (isinstance(head, ast.UnaryOp) and isinstance(head.op, ast.USub)
                 and isinstance(head.operand, ast.Constant) and head.operand.value == 1) or \
        (isinstance(head, ast.Constant) and head.value == -1)
    return minus_one and all(isinstance(e, ast.Constant) and type(e.value) is int for e in shape.elts[1:])


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, call, times = found
    text = linecache.getline(file, call.lineno)
    if not text.isascii():
        return finding
    flatten = _flatten_spelling(file)
    if flatten is None:
        return finding
    tensor = text[call.args[0].col_offset:call.args[0].end_col_offset]
    # A Flatten keeps the batch axis and knows the size it makes (a reshape to (ops.shape(x)[0], -1) leaves
    # the last axis unknown in a traced call, and the Dense after it refuses that).
    edit = TextEdit.replacing(file, call, f"{flatten}()({tensor})")
    fix = script_checked_fix("keep the batch axis and flatten the rest: Flatten()", edit.shown(), display_path(file),
                             call.lineno, [edit], cost=1)
    finding.culprit = Place("layer", "reshape", "reshape", display_path(file), call.lineno, text.strip())
    finding.fixes = [fix]  # the labels are right: the rows were multiplied inside the model
    why = (f"The model's output has {times} times as many rows as its labels: the reshape on line {call.lineno} fixes "
           f"every axis but the first and lets `-1` take the rest, so when the tensor holds more values per sample "
           f"than those axes (a map with {times} positions left), the extra positions become extra rows of the batch. "
           "Keep the batch axis and flatten the rest.")
    finding.explanation = why + " " + (finding.explanation or "")
    return finding


def _flatten_spelling(file: str) -> str | None:
    """``layers.Flatten`` or ``keras.layers.Flatten`` (``tf.keras.layers.Flatten``), as the script's imports allow."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    names = {(a.asname or a.name) for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    for spelled, needs in (("layers.Flatten", "layers"), ("keras.layers.Flatten", "keras"), ("tf.keras.layers.Flatten", "tf")):
        if needs in names:
            return spelled
    return None
