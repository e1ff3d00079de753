"""``shapedoctor.diagnose(model, x, y, loss)``: the Python API, same pipeline and Diagnosis as the CLI.

The call is recorded as a training call that is checked but never run (``TrainingCall.checked_only``)
into a recording of its own, and that recording goes through :func:`shapedoctor.pipeline.diagnose`
like a script's: the pre-flight checks, the findings (a predicted failure is an error here, not a
silent broadcast, since nothing ran), a subclassed model's functional twin, the pictures.

Nothing here changes the model's weights: the checks read shapes and a few samples, a subclassed
model's output shape is read from one forward pass on a few samples, and fixes are verified on
clones of the model.
"""

from __future__ import annotations

import contextlib
from typing import Any

from shapedoctor.report.model import Diagnosis


def diagnose(model: Any, x: Any = None, y: Any = None, loss: Any = None) -> Diagnosis:
    """Check *model* against data *x*, labels *y* and *loss* (default: the compiled loss).

    Returns a :class:`~shapedoctor.report.model.Diagnosis` with ``.findings``, ``.fixes``,
    ``.ok``, ``.to_json()`` and a rich rendering (``rich.print(diagnosis)``).
    """
    from shapedoctor import pipeline
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import user_site
    from shapedoctor.trace.training import capture

    method = "predict" if y is None else "fit"
    args = (x,) if y is None else (x, y)
    call, _, _ = capture(method, model, user_site(2), args, {})
    call.checked_only = True
    if loss is not None:
        call.loss = loss
    outer = rec.CURRENT  # a script run under shapedoctor: its layers' lines are known
    with outer.paused() if outer is not None else contextlib.nullcontext():
        # the checks' own models and training steps stay out of the program's recording
        pipeline.preflight(call)
        recording = outer.scratch() if outer is not None else rec.Recorder()
        call.outputs_seen = _output_shapes(model, call.x)
        recording.training_calls.append(call)
        return pipeline.diagnose(recording, None, source="api")


def _output_shapes(model: Any, sample: Any) -> list:
    """The output shape of a subclassed model on a few samples (what a functional twin must compute);
    [] for a functional model (its outputs are symbolic) or when the forward pass fails (the
    pre-flight and the findings say why)."""
    from shapedoctor.diagnosis.subclassed_twin import has_symbolic_outputs

    if has_symbolic_outputs(model) or sample is None:
        return []
    try:
        out = model(sample, training=False)
        return [tuple(out.shape)] if hasattr(out, "shape") else []
    except Exception:  # noqa: BLE001 - no output shape, no twin: the call is reported as before
        return []
