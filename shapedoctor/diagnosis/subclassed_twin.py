"""A subclassed model that failed at ``fit``/``evaluate``: the same checks as a functional one, on its twin.

A model written as a ``keras.Model`` subclass has no symbolic ``outputs``: the pre-flight of a
training call (:mod:`shapedoctor.diagnosis.training`) cannot compare its output with the labels
before Keras runs, and when the loss then refuses them, the error is raised inside Keras's
training function, outside any layer call the recorder sees. Without more, that error is only
read from its text (:mod:`shapedoctor.diagnosis.unrecorded`): the ``fit`` line named, no model
suspected, no fix tried.

After such a failure the model is built (Keras built it to run the failing step), so its own
``call`` can be run once more on a symbolic ``keras.Input`` of the data's shape. The layers it
calls are the user's own layer objects, so that run gives a functional *twin*: the same layers,
the same weights, wired the way ``call`` wires them. The twin's output must be the output the
failing call saw (``TrainingCall.outputs_seen``); when it is not (``call`` branches on ``training``,
loops over a Python-side state, uses ops that need real tensors), there is no twin and nothing
changes. With a twin, the training call is checked again exactly as a functional model's would
be (the same :func:`shapedoctor.diagnosis.training.check`), so the labels-vs-output evidence,
the model-side search and the fixes' verification (one training step of a clone) are the ones
every model gets. A fix is written in the user's class: a layer setting on the line that creates
the layer (``self.rnn = layers.GRU(...)``), an inserted layer on the line of ``call`` that calls
the next one; ``--write`` proves it by running the patched script.

This runs only after the program ended (``run`` and ``check`` diagnose a finished recording): after
a failure, and after a run whose training calls met a subclassed model, to find what would have
broadcast silently (the pre-flight of a functional model sees that before it runs). Nothing it
does reaches the program: what ``call`` prints is swallowed, and what the run adds to the
recording is taken out again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
import warnings
from typing import Any

NOTE = ("the model is a keras.Model subclass: its call() was run once more on a symbolic input of the data's "
        "shape, and the layers it calls were checked and repaired as a functional model of the same layers")


# Layers without weights: made afresh at each call they compute the same thing, so one written inline in
# call() (``x = layers.Flatten()(x)``) is a fix. A layer with weights made inside call() is a new,
# untrained layer at every step, outside the model's weights: never offered.
_WEIGHTLESS = re.compile(r"(Flatten|Global(Average|Max)Pooling[123]D|(Average|Max)Pooling[123]D|Reshape|Permute|"
                         r"RepeatVector|UpSampling[123]D|Cropping[123]D|ZeroPadding[123]D|Dropout|Activation)$")
_MADE_AND_CALLED = re.compile(r"layers\.(\w+)\([^()]*(?:\([^()]*\)[^()]*)*\)\(")


def made_in_call_with_weights(code: str) -> bool:
    """*code* makes a layer with weights and calls it at once (``layers.Dense(4)(x)``)."""
    return any(not _WEIGHTLESS.match(m.group(1)) for m in _MADE_AND_CALLED.finditer(code or ""))


def fits_a_subclass(code: str, file: str | None = None, line: int | None = None) -> bool:
    """*code* can be written in a subclass: no layer with weights made inside ``call()`` and no line
    written as an item of a list of layers (the form of a ``Sequential([...])``, which a class body
    or ``call()`` is not) — unless the line it rewrites (*file*, *line*) is itself such an item: a
    ``Sequential([...])`` the subclass builds in ``__init__`` (an encoder, a decoder)."""
    import linecache

    if made_in_call_with_weights(code):
        return False
    if file and line and linecache.getline(file, line).rstrip().endswith(","):
        return True
    return not any(text.rstrip().endswith(",") and not text.lstrip().startswith("#")
                   for text in (code or "").splitlines())


def has_symbolic_outputs(model: Any) -> bool:
    try:
        return bool(model.outputs)
    except (AttributeError, ValueError, TypeError):
        return False


def _is_shape(shape: Any) -> bool:
    return isinstance(shape, tuple) and bool(shape) and all(isinstance(d, int) for d in shape)


def _symbolic_inputs(shapes: Any, sample: Any) -> Any:
    """``keras.Input``s of the data's shapes and dtypes, in the data's structure (one array, a list or a
    dict of arrays), or None for data of another kind."""
    import keras
    import numpy as np

    def one(shape, value, name=None):
        dtype = str(np.asarray(value).dtype) if value is not None else "float32"
        return keras.Input(shape=tuple(shape[1:]), dtype=dtype, name=name)

    if _is_shape(shapes):
        return one(shapes, sample)
    if isinstance(shapes, (list, tuple)) and shapes and all(_is_shape(s) for s in shapes) \
            and isinstance(sample, (list, tuple)) and len(sample) == len(shapes):
        return [one(s, v) for s, v in zip(shapes, sample)]
    if isinstance(shapes, dict) and shapes and all(_is_shape(s) for s in shapes.values()) \
            and isinstance(sample, dict):
        return {k: one(s, sample.get(k), name=str(k)) for k, s in shapes.items()}
    return None


def functional_twin(model: Any, call: Any, recorder: Any = None) -> Any:
    """The functional model of *model*'s own layers as its ``call`` wires them, or None.

    With *recorder* (not installed any more: the program ended), ``call`` runs under it again, so each
    layer call of the twin has its line in the user's ``call`` (where an inserted layer is written);
    what that run adds to the recording is taken out again."""
    import keras

    if has_symbolic_outputs(model) or not getattr(model, "built", False) or not isinstance(model, keras.Model):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            inp = _symbolic_inputs(call.x_shapes, call.x)
            if inp is None:
                return None
            # call() may print (a debugging print of the shape): that output belongs to the program's
            # own run, not to this one, which prints nothing
            with _recording(recorder), contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()), _added_losses_skipped():
                out = model.call(inp)
            if not isinstance(out, keras.KerasTensor):
                return None
            twin = keras.Model(inp, out, name=model.name)
    except Exception:  # noqa: BLE001 - call() does more than calling layers: no twin
        return None
    seen = [tuple(s) for s in call.outputs_seen or []]
    got = tuple(twin.outputs[0].shape)
    if len(seen) != 1 or len(seen[0]) != len(got) or tuple(seen[0][1:]) != got[1:]:
        return None  # the twin does not compute what the failing call computed
    return twin


@contextlib.contextmanager
def _added_losses_skipped():
    """``call`` may add a loss term (a VAE's KL divergence, ``self.add_loss(kl)``), which Keras refuses
    on a symbolic input; a loss term changes no shape, so the twin's run skips it."""
    from keras.layers import Layer

    original = Layer.__dict__["add_loss"]
    Layer.add_loss = lambda self, loss: None
    try:
        yield
    finally:
        Layer.add_loss = original


class _recording:
    """Run under *recorder* again (when it is not installed), keeping its recording as it was."""

    def __init__(self, recorder: Any) -> None:
        self.recorder = recorder if recorder is not None and not recorder.installed else None

    def __enter__(self) -> None:
        rec = self.recorder
        if rec is None:
            return
        self.kept = (rec.failure, list(rec.runs), list(rec.merge_broadcasts), list(rec.training_calls),
                     list(rec.internal_errors))
        rec.install()

    def __exit__(self, *exc) -> None:
        rec = self.recorder
        if rec is None:
            return
        rec.uninstall()
        rec.failure, runs, merges, calls, errors = self.kept
        rec.runs[:], rec.merge_broadcasts[:], rec.training_calls[:], rec.internal_errors[:] = runs, merges, calls, errors


def twin_call(call: Any, recorder: Any = None) -> Any:
    """The training call with the model replaced by its functional twin, or None (no twin)."""
    if call is None or call.method in ("predict", "predict_on_batch"):
        return None
    twin = functional_twin(call.model, call, recorder)
    if twin is None:
        return None
    return dataclasses.replace(call, model=twin, findings=[])


_ATTRIBUTE = re.compile(r"^\s*self\.(\w+)\s*=")


def place_at_call(finding: Any) -> None:
    """The culprit layer's line in ``call()`` when the first verified fix inserts a layer there.

    The layer is created in ``__init__`` (``self.d1 = layers.Dense(128)``) and applied in ``call()``
    (``x = self.d1(x)``): a missing layer (the Flatten the tutorial calls) is missing where the layer
    is applied, so that line is the root cause; a wrong setting stays on the line that creates it."""
    import linecache

    culprit = finding.culprit
    first = finding.fixes[0] if finding.fixes else None
    if culprit is None or culprit.kind != "layer" or first is None or not first.verified or not first.line \
            or first.file != culprit.file or first.line == culprit.line or (first.code or "").lstrip().startswith("self."):
        return
    made = _ATTRIBUTE.match(culprit.code or "")
    applied = linecache.getline(culprit.file or "", first.line)
    if made is None or f"self.{made.group(1)}(" not in applied:
        return
    culprit.line, culprit.code = first.line, applied.strip()

