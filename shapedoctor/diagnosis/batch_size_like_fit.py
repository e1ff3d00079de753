"""A model that needs the batch size it trained with, called later with Keras's default batch of 32.

keras-gat trains its graph attention network on the whole graph at once: ``fit([X, A], Y,
batch_size=N_NODES)``, every node one row of the batch and the adjacency matrix ``A`` one row per node, so
the attention scores of a batch are (batch, batch) and are masked by (batch, N) adjacency rows. That
only lines up when the batch is the whole graph. ``predict([X, A])`` without ``batch_size`` cuts the graph
into batches of 32 and the masking fails: "Incompatible shapes: [32,32] vs. [32,60]" (r867). Keras
names the layer's product; the cause is the call that left out the batch size its model depends on.

Evidence, recorded and read: a training call (``predict``, ``evaluate`` or ``fit``) of a model failed
with an error whose text holds Keras's default batch size (32) and the batch size an earlier ``fit`` of
the same model was given, written ``batch_size=<expr>`` in that ``fit`` call, which finished, on samples of
the same shapes as the failing call's (else the data differs, not only its batching); the failing
call passes no ``batch_size`` and is written on one line. That call is the root cause; the fix passes it
the ``fit``'s batch size, spelled as the ``fit`` spells it, proven by running the patched script. A model
declared for a fixed batch (a stateful RNN's ``Input(batch_shape=(1, ...))``) called without ``batch_size``
on data of the declared samples whose count that batch divides gets the declared batch size the same way (the Hands-On ML
stateful model fit with the default 32: r791).
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

from shapedoctor.diagnosis.reaim import method_call_at

_DEFAULT_BATCH = 32


def batch_size_like_fit(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the call that left out the batch size its model trained with, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    calls = list(getattr(recorder, "training_calls", None) or [])
    failed = [c for c in calls if c.error is not None]
    if not failed or failed[-1].site is None:
        return None
    call = failed[-1]
    numbers = {int(n) for n in re.findall(r"\d+", str(exc))}
    if _DEFAULT_BATCH not in numbers:
        return None
    failing = method_call_at(call.site.file, call.site.line, call.method)
    if failing is None or any(k.arg == "batch_size" for k in failing.keywords) or failing.lineno != failing.end_lineno:
        return None
    for earlier in reversed(calls[:calls.index(call)]):
        if earlier.method != "fit" or earlier.model is not call.model or earlier.error is not None \
                or earlier.site is None or earlier.site.file != call.site.file:
            continue
        if _per_sample(earlier.x_shapes) != _per_sample(call.x_shapes):
            return None  # other data, not only other batches: the data is the suspect (t013)
        fit = method_call_at(earlier.site.file, earlier.site.line, "fit")
        size = next((k.value for k in fit.keywords if k.arg == "batch_size"), None) if fit is not None else None
        if size is None or size.lineno != size.end_lineno:
            return None
        value = _batch_value(earlier, size)
        if value is None or value == _DEFAULT_BATCH or value not in numbers:
            return None
        spelled = linecache.getline(earlier.site.file, size.lineno)[size.col_offset:size.end_col_offset]
        return call, failing, spelled, value, False
    declared = _declared_batch(call.model)
    samples = _samples(call.x_shapes)
    if declared is None or declared == _DEFAULT_BATCH or samples is None or samples % declared:
        return None  # a stateful model declared for a fixed batch: the call must use that batch
    try:
        wanted = [tuple(t.shape)[1:] for t in call.model.inputs]
    except (AttributeError, ValueError, TypeError):
        return None
    given = _per_sample(call.x_shapes)
    if given is None or len(given) != len(wanted) or any(
            len(g) != len(w) or any(d is not None and d != e for d, e in zip(w, g)) for g, w in zip(given, wanted)):
        return None  # the data does not have the declared samples: it is the suspect, not the batch size
    return call, failing, str(declared), declared, True


def _per_sample(shapes: Any) -> list | None:
    """The per-sample shape of each input array of a training call's recorded shapes, or None."""
    items = list(shapes) if isinstance(shapes, (list, tuple)) and shapes and isinstance(shapes[0], tuple) \
        else [shapes] if isinstance(shapes, tuple) else None
    if not items or not all(isinstance(i, tuple) and i for i in items):
        return None
    return [tuple(i[1:]) for i in items]


def _declared_batch(model: Any) -> int | None:
    try:
        sizes = {tuple(t.shape)[0] for t in model.inputs}
    except (AttributeError, ValueError, TypeError):
        return None
    size = sizes.pop() if len(sizes) == 1 else None
    return size if type(size) is int else None


def _samples(shapes: Any) -> int | None:
    first = shapes[0] if isinstance(shapes, (list, tuple)) and shapes and isinstance(shapes[0], tuple) else shapes
    return first[0] if isinstance(first, tuple) and first and type(first[0]) is int else None


def _batch_value(fit: Any, size: ast.expr) -> int | None:
    """The value of the ``batch_size=`` expression of the successful *fit*: a literal, or a name of the
    caller's module (recorded with the call), else None."""
    if isinstance(size, ast.Constant) and type(size.value) is int:
        return size.value
    value = (getattr(fit, "sizes", None) or {}).get(size.id) if isinstance(size, ast.Name) else None
    return value if type(value) is int else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    call, failing, spelled, value, declared = found
    path = call.site.file
    edit = TextEdit.appending_argument(path, failing, f"batch_size={spelled}")
    fix = script_checked_fix(f"give `{call.method}` the batch size the model trained with: batch_size={spelled}",
                             edit.shown(), display_path(path), failing.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", None, call.method, path, failing.lineno)
    if declared:
        finding.explanation = (
            f"The model declares a fixed batch of {value} (`batch_shape`: a stateful layer keeps one state per "
            f"sample of the batch). `{call.method}` was called without `batch_size`, so Keras cut the data into "
            f"batches of {_DEFAULT_BATCH}, which the model cannot take. Pass its batch size: `batch_size={spelled}`.")
        finding.fixes = [fix]
        return finding
    finding.explanation = (
        f"The model was trained with `batch_size={spelled}` ({value} samples per batch) and its shapes depend on "
        f"it (a layer combines the rows of one batch with inputs sized for {value}). `{call.method}` was called "
        f"without `batch_size`, so Keras cut the data into batches of {_DEFAULT_BATCH} and the shapes inside the "
        f"model no longer line up. Pass the same batch size: `batch_size={spelled}`.")
    finding.fixes = [fix]
    return finding
