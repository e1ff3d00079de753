"""Returns given as the targets of a softmax policy: the REINFORCE update without its actions.

A policy-gradient agent (REINFORCE) collects the states it saw, the actions it took and the
discounted return of each step, then updates its softmax policy with the cross-entropy of each
taken action, weighted by that step's return. ``network.train_on_batch(states, returns)`` passes the
returns as the labels: real numbers, one per step, where ``categorical_crossentropy`` wants a one-hot
row per step, and Keras refuses ``target.shape=(20,), output.shape=(20, 2)`` (r648). The expert's
update is ``train_on_batch(states, to_categorical(actions, n), sample_weight=returns)``: the actions
taken are the targets and the returns weigh them.

Evidence, recorded and read: a labels-vs-loss finding on a ``fit``/``train_on_batch`` call whose
labels are one real value per sample, not all integers, for a model with one softmax output of n
classes compiled with a categorical cross-entropy; the call passes the labels as a name and no
``sample_weight``; exactly one other name of the script, one with "action" in it, holds as the call
fails one integer in [0, n) per sample. The training call is the root cause; the fix makes those
actions its targets (one-hot for ``categorical_crossentropy``, as they are for the sparse loss) and the
returns its ``sample_weight``, proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any

_METHODS = ("fit", "train_on_batch")


def policy_targets(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the training call that gave returns as targets (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or finding.id != "SD202":
        return finding
    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import os
    import traceback

    import numpy as np

    from shapedoctor.diagnosis.training_base import loss_name, model_outputs
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.repair.user_names import size_expression
    from shapedoctor.trace.scope import sizes_in_globals
    from shapedoctor.trace.sites import is_user_file, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    if not calls or calls[-1].method not in _METHODS or calls[-1].site is None:
        return None
    call = calls[-1]
    outputs = model_outputs(call.model)
    loss = loss_name(call.loss) if not isinstance(call.loss, (list, tuple, dict)) else None
    if len(outputs) != 1 or len(outputs[0]) != 2 or not isinstance(outputs[0][1], int) or loss not in (
            "categorical_crossentropy", "sparse_categorical_crossentropy"):
        return None
    classes = outputs[0][1]
    frames = [f for f, line in traceback.walk_tb(exc.__traceback__) if line == call.site.line
              and is_user_file(f.f_code.co_filename)
              and os.path.basename(f.f_code.co_filename) == os.path.basename(call.site.file)]
    if not frames:
        return None
    scope = {**frames[-1].f_globals, **frames[-1].f_locals}
    node = argument_node(call.site, 1, "y")
    source = source_tree(call.site.file)
    written = [c for c in ast.walk(source) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
               and c.func.attr == call.method and c.lineno <= call.site.line <= c.end_lineno]
    if not isinstance(node, ast.Name) or len(written) != 1 or any(k.arg == "sample_weight" for k in written[0].keywords):
        return None
    returns = np.asarray(scope.get(node.id, None))
    if returns.ndim != 1 or returns.dtype.kind != "f" or np.all(np.mod(returns, 1) == 0):
        return None
    n = len(returns)
    actions = [name for name, value in scope.items() if "action" in name.lower() and name != node.id
               and _ids(value, n, classes)]
    if len(actions) != 1 or node.lineno != node.end_lineno:
        return None
    count = size_expression(classes, call.site.file, call.site.line, sizes_in_globals(frames[-1])) or str(classes)
    return call.site.file, written[0], node, actions[0], count, loss, call.method


def _ids(value: Any, n: int, classes: int) -> bool:
    """*value* holds *n* integers in [0, classes)."""
    import numpy as np

    if not isinstance(value, (list, tuple, np.ndarray)):
        return False
    try:
        array = np.asarray(value)
    except Exception:  # noqa: BLE001 - a list of mixed things is not a list of actions
        return False
    return (array.shape == (n,) and array.dtype.kind in "iu" and bool(array.size)
            and int(array.min()) >= 0 and int(array.max()) < classes)


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, imported_names, source_tree

    path, call, node, actions, count, loss, method = found
    text = linecache.getline(path, node.lineno)
    if not text.isascii():
        return finding
    names = imported_names(source_tree(path))
    if loss == "sparse_categorical_crossentropy":
        targets = f"np.asarray({actions})" if "np" in names else actions
    else:
        targets = f"keras.utils.to_categorical({actions}, {count})" if "keras" in names else None
    if targets is None:
        return finding
    edit = TextEdit.replacing(path, node, f"{targets}, sample_weight={node.id}")
    fix = script_checked_fix(f"train on the actions taken, weighted by their returns: {targets} as the targets, "
                             f"sample_weight={node.id}", edit.shown(), display_path(path), node.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("labels", node.id, "labels", path, call.lineno)
    finding.explanation = (
        f"`{node.id}` holds one return per step, real numbers, and `{method}` takes it as the targets of a "
        f"softmax policy: the cross-entropy wants the action each step took ({'one-hot' if 'sparse' not in loss else 'its index'}). "
        f"A policy-gradient update trains on the actions taken, `{actions}`, weighted by their returns: "
        f"`{targets}` as the targets and `sample_weight={node.id}`.")
    finding.fixes = [fix] + [f for f in finding.fixes if "loss=" not in (f.code or "")]
    return finding
