"""One-hot labels handed straight to a sparse loss on the user's own line (a tape, a custom loop).

keras-io's FGSM attack (r943) computes ``keras.losses.SparseCategoricalCrossentropy()(targets, outs)`` in a
``GradientTape``. With one-hot targets the loss raises "Argument `output` must have rank (ndim)
`target.ndim - 1`. Received: target.shape=(32, 10), output.shape=(32, 10)" outside any layer, so only its
text and the user's line are known, and the text-only advice ("compile with categorical_crossentropy")
names a ``compile`` the failing line does not use.

Evidence, read: the loss's own rank check with labels shaped exactly like the output (one-hot rows), and
the raising line of the user's file calls a sparse loss, an instance called (``SparseCategoricalCrossentropy
(...)(y, p)``) or the function (``sparse_categorical_crossentropy(y, p)``). That line is the place, and the
fix spells the loss for one-hot rows there (``CategoricalCrossentropy``, ``categorical_crossentropy``),
its arguments kept, proven by running the patched script. When the script made the labels with
``to_categorical``, ``sparse_onehot_source`` then aims at that line and keeps the ids first.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place

_CATEGORICAL = {"SparseCategoricalCrossentropy": "CategoricalCrossentropy",
                "sparse_categorical_crossentropy": "categorical_crossentropy"}


def sparse_loss_call(exc: BaseException, finding: Finding | None, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    """(site, real path, the loss call, the one-hot target shape) when the evidence is there, else None."""
    from shapedoctor.diagnosis.reaim import innermost_user_path, loss_shapes
    from shapedoctor.trace.sites import site_from_traceback, source_tree

    shapes = loss_shapes(exc) if "must have rank (ndim) `target.ndim - 1`" in str(exc) else None
    if shapes is None or shapes[0] != shapes[1] or len(shapes[0]) < 2:
        return None
    site, path = site_from_traceback(exc.__traceback__), innermost_user_path(exc)
    if site is None or path is None:
        return None
    calls = [c for c in ast.walk(source_tree(path)) if isinstance(c, ast.Call) and c.lineno == site.line == c.end_lineno
             and c.args and _sparse_name(c.func) is not None]
    return (site, path, calls[0], shapes[0]) if len(calls) == 1 else None


def _aim(finding: Finding, found) -> Finding:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    site, path, call, target = found
    sparse = _sparse_name(call.func)
    named = call.func.func if isinstance(call.func, ast.Call) else call.func
    text = linecache.getline(path, named.lineno)[named.col_offset:named.end_col_offset]
    if not text.endswith(sparse):
        return finding
    edit = TextEdit.replacing(path, named, text[: -len(sparse)] + _CATEGORICAL[sparse])
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("loss", None, None, path, call.lineno)
    finding.explanation = (
        f"A sparse loss compares one integer class id per sample with the {target[-1]} probabilities the model "
        f"gives for it: the labels need one axis fewer than the output. The labels given on line {call.lineno} have "
        f"the output's own shape, {format_shape(target)}: one-hot rows. Give the loss the ids, or use the loss made "
        "for one-hot rows (categorical crossentropy).")
    finding.fixes = [script_checked_fix(f"use the loss made for one-hot labels: {_CATEGORICAL[sparse]}", edit.shown(),
                                        site.file, call.lineno, [edit])]
    return finding


def _sparse_name(func: ast.expr) -> str | None:
    """The sparse name a loss call spells: ``SparseCategoricalCrossentropy(...)`` called, or the function."""
    from shapedoctor.trace.sites import called_name

    if isinstance(func, ast.Call) and called_name(func.func) == "SparseCategoricalCrossentropy":
        return "SparseCategoricalCrossentropy"
    if called_name(func) == "sparse_categorical_crossentropy":
        return "sparse_categorical_crossentropy"
    return None
