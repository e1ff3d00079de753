"""One-hot labels for a sparse loss called in the user's own training loop: the encoding line is the cause.

The ``tf.distribute`` custom-training tutorial computes its per-example loss with
``SparseCategoricalCrossentropy`` inside its own ``train_step``; labels made one-hot with
``to_categorical`` fail there: ``Argument `output` must have rank (ndim) `target.ndim - 1```
with target and output of one shape. No ``fit`` saw the labels, so the training rules cannot follow
them; the script can: the one ``to_categorical`` call of the script, assigned to a name, made them.
That line is the root cause, and the fix keeps the class ids there (the call's own argument),
proven by running the patched script. The loss (and a sparse accuracy beside it) then read what they
were written for.

Evidence, read, not guessed: the error names target and output of the same shape under a sparse loss,
and the script has exactly one ``to_categorical`` call, on one line, in the value of an assignment to a name
(the value itself, or wrapped: ``tf.constant(to_categorical(ids, 10))``).
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_SPARSE_ONE_HOT = re.compile(r"must have rank \(ndim\) `target\.ndim - 1`.*?target\.shape=\(([\d, ]+)\), "
                             r"output\.shape=\(([\d, ]+)\)", re.S)


def onehot_for_sparse_loss(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the ``to_categorical`` line of the script (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.diagnosis.label_literal import aimed_at_labels
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    file, name, node, ids = found
    edit = TextEdit.replacing(file, node, ids)
    fix = script_checked_fix(f"keep `{name}` as class ids for the sparse loss: drop to_categorical", edit.shown(),
                             display_path(file), node.lineno, [edit], cost=1)
    why = (f"`{name}` is one-hot encoded with to_categorical on line {node.lineno}, but the loss is a sparse "
           "cross-entropy, which reads one integer class id per sample and makes the one-hot comparison itself. "
           "Keep the class ids where the labels are made (or use a categorical loss and accuracy instead).")
    return aimed_at_labels(finding, name, file, node.lineno, fix, why)


def _found(exc: BaseException):
    from shapedoctor.trace.sites import outermost_user_site

    match = _SPARSE_ONE_HOT.search(str(exc))
    if match is None or match.group(1).replace(" ", "") != match.group(2).replace(" ", ""):
        return None
    started = outermost_user_site(exc.__traceback__)
    if started is None:
        return None
    made = one_hot_encoding(started.file)  # in the script the program was started from
    return None if made is None else (started.file, *made)


def one_hot_encoding(file: str) -> tuple[str, ast.Call, str] | None:
    """(the name, the call, the ids' text) of the one ``to_categorical`` call of *file*, written on one ASCII line in
    the value of an assignment to a name (``y = to_categorical(ids, k)``, or wrapped in it); else None."""
    from shapedoctor.trace.sites import called_name

    try:
        tree = source_tree(file)
    except (OSError, SyntaxError, ValueError):
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and called_name(n.func) == "to_categorical"]
    if len(calls) != 1 or not calls[0].args or calls[0].lineno != calls[0].end_lineno:
        return None
    node = calls[0]
    # the call is the assigned value, or inside it: tf.constant(to_categorical(ids, k)) (r943)
    owner = [s for s in ast.walk(tree) if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and any(n is node for n in ast.walk(s.value))]
    text = linecache.getline(file, node.lineno)
    if len(owner) != 1 or not text.isascii():
        return None
    ids = text[node.args[0].col_offset:node.args[0].end_col_offset]
    return owner[0].targets[0].id, node, ids
