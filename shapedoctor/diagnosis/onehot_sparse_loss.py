"""One-hot labels given to a sparse categorical loss, read from Keras's rank error: the compile line.

The TensorFlow word2vec tutorial labels each (target, context) pair with a one-hot row, ``[1, 0, 0, 0,
0]``, and compiles its subclassed skip-gram model with ``CategoricalCrossentropy(from_logits=True)``.
With ``SparseCategoricalCrossentropy`` the loss wants one class id per sample and Keras stops with
"Argument `output` must have rank (ndim) `target.ndim - 1`. Received: target.shape=(64, 5),
output.shape=(64, 5)" (r807). The model is subclassed and fed a dataset, so no layer recorded the
failure and the finding is read from the text; the fix it offered named no line.

Evidence, read and recorded: the error names target and output shapes that are equal; the training call
that raised uses a sparse categorical loss; its labels are one-hot rows; no earlier call trained the same
model on class ids (then the labels changed, not the loss: t227). The ``compile`` call is the
root cause; the fix compiles the categorical loss in its place (keeping ``from_logits``), proven by
running the patched script.
"""

from __future__ import annotations

from typing import Any


def onehot_sparse_loss(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``compile`` that chose a sparse loss for one-hot labels, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import loss_shapes
    from shapedoctor.diagnosis.training_base import is_one_hot, same_logits
    from shapedoctor.diagnosis.training_fixes import compile_code

    shapes = loss_shapes(exc)
    if "target.ndim - 1" not in str(exc) or shapes is None or shapes[0] != shapes[1] or len(shapes[0]) != 2:
        return None
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    if not calls or not _sparse(calls[-1].loss):
        return None
    call = calls[-1]
    if call.y is None or not is_one_hot(call.y):
        return None
    if any(c.error is None and c.model is call.model and c.y is not None and not is_one_hot(c.y)
           for c in recorder.training_calls):
        return None  # the model trained with this loss on class ids: the one-hot labels are what changed
    code, file, line, edits = compile_code(call, same_logits(call.loss, "categorical_crossentropy"))
    return (code, file, line, edits) if edits else None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.diagnosis.training_fixes import loss_line
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    code, file, line, edits = found
    fix = script_checked_fix("one-hot labels: compile the categorical loss", code, display_path(file), line, edits,
                             cost=1)
    finding.clear_culprit_marks()
    at = loss_line(file, line) or line
    finding.culprit = Place("loss", None, "compile", display_path(file), at, linecache.getline(file, at).strip())
    finding.fixes = [fix] + [f for f in finding.fixes if "argmax" in (f.code or "")]
    return finding


def _sparse(loss: Any) -> bool:
    """*loss* is the sparse categorical cross-entropy: its name, its function or an object of its class."""
    name = loss if isinstance(loss, str) else getattr(loss, "__name__", None) or type(loss).__name__
    return name.replace("_", "").lower() == "sparsecategoricalcrossentropy"
