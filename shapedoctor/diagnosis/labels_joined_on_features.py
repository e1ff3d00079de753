"""Labels for a joined batch joined on the feature axis: ``tf.concat([ones, zeros], axis=1)``.

The keras-io GAN ``train_step`` stacks generated and real images on the batch axis
(``tf.concat([fake, real], axis=0)``) and the labels that tell them apart the same way:
``tf.concat([tf.ones((n, 1)), tf.zeros((n, 1))], axis=0)``. Written with ``axis=1``, the labels
become one (n, 2) array beside the discriminator's (2n, 1) predictions: ``Arguments `target` and
`output` must have the same shape. Received: target.shape=(None, 2), output.shape=(None, 1)``. The
model is right (it answers once per image); the line that joined the labels is the root cause, and
the fix joins them on the sample axis, proven by running the patched script.

Evidence, read, not guessed: the innermost line of the user's code in the traceback calls a function
with a name as its first argument (the labels); in the same function, the last plain assignment of
that name before the call joins k parts (a list literal) with ``concat``/``concatenate``/``stack``
along axis 1 or -1; the error's target is k times as wide as the output on the last axis, with the
same rank.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_JOINS = ("concat", "concatenate")


def labels_joined_on_features(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the line that joined the labels on the wrong axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.diagnosis.label_literal import aimed_at_labels
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    file, name, stmt, axis, parts = found
    edit = TextEdit.replacing(file, axis, "0")
    fix = script_checked_fix("join the labels on the sample axis, like the batch they label: axis=0", edit.shown(),
                             display_path(file), stmt.lineno, [edit], cost=1)
    why = (f"`{name}` joins {parts} label arrays along the feature axis (line {stmt.lineno}), so each sample gets "
           f"{parts} label values where the model gives one per sample. The arrays they label were joined as more "
           "samples (axis 0); join the labels the same way so that each label stays beside its own sample.")
    finding.fixes = [f for f in finding.fixes if f.verified]  # the text's guesses resize the model to the labels
    finding = aimed_at_labels(finding, name, file, stmt.lineno, fix, why)
    finding.explanation = why  # the text's reading (resize the output to the labels) does not apply
    return finding


def _found(exc: BaseException):
    from shapedoctor.trace.sites import called_name

    from shapedoctor.diagnosis.reaim import innermost_user_frame, loss_shapes

    shapes, inner = loss_shapes(exc), innermost_user_frame(exc)
    if shapes is None or inner is None:
        return None
    target, output = shapes
    if len(target) != len(output) or len(target) < 2 or not isinstance(target[-1], int) \
            or not isinstance(output[-1], int) or output[-1] < 1 or target[-1] <= output[-1] \
            or target[-1] % output[-1]:
        return None
    frame, line = inner
    file = frame.f_code.co_filename
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == line and len(n.args) >= 2
             and isinstance(n.args[0], ast.Name)]
    if len(calls) != 1:
        return None
    name = calls[0].args[0].id
    from shapedoctor.diagnosis.data_origin import enclosing_scope

    scope = enclosing_scope(tree, line)
    assigns = [n for n in ast.walk(scope) if isinstance(n, ast.Assign) and n.lineno < line and len(n.targets) == 1
               and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name]
    if not assigns:
        return None
    stmt = max(assigns, key=lambda n: n.lineno)
    value = stmt.value
    if not (isinstance(value, ast.Call) and called_name(value.func) in _JOINS and value.args
            and isinstance(value.args[0], (ast.List, ast.Tuple))):
        return None
    parts = len(value.args[0].elts)
    axis = next((kw.value for kw in value.keywords if kw.arg == "axis"), value.args[1] if len(value.args) > 1 else None)
    if parts < 2 or target[-1] != parts * output[-1] or not _is_feature_axis(axis, len(target)):
        return None
    if axis.lineno != axis.end_lineno or not linecache.getline(file, axis.lineno).isascii():
        return None
    return file, name, stmt, axis, parts


def _is_feature_axis(node: Any, rank: int) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return node.operand.value == 1
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value == rank - 1
