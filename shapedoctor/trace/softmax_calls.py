"""Watch the softmax calls of the user's own code for one taken across the samples of a batch.

keras-io's knowledge distillation example softens the teacher's and the student's logits with
``ops.softmax(logits / temperature, axis=1)``: logits are (batch, classes), and each sample's
probabilities are taken over its classes. Written ``axis=0``, the softmax normalises each class over
the samples of the batch instead: the shapes stay (batch, classes), nothing raises, the rows no longer
sum to one, and the loss that compares them trains the model towards a target that depends on which
samples share its batch.

:func:`install` wraps the public softmax functions (``keras.ops.softmax`` and ``log_softmax``,
``keras.activations.softmax`` and ``log_softmax``, and, with TensorFlow loaded, ``tf.nn`` and
``tf.math``'s). The wrapper calls the original first and returns its result unchanged (an exception
passes through untouched, the wrapper's frame hidden); afterwards it only reads the argument's static
shape and the ``axis`` asked for, and notes a :class:`BatchSoftmax` when

* the caller is the user's own code (a line AutoGraph converted counts as its source line), and
* the axis is the first of a tensor of rank 2 or more that holds a batch: its first size is unknown
  (a traced batch), or the tensor came from a model or layer call (directly or through ``+ - * /``).

A softmax over the rows of a weight matrix or of a constant is left alone. A softmax over an axis of
size 1 is noted too (``kind="single"``): keras-io's attention MIL example stacks one score per instance
into (instances, batch, 1) and takes the softmax over axis 0; over the last axis every weight is 1.0.
Each line is noted once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from shapedoctor.trace.sites import Site

_FUNCTIONS = ("softmax", "log_softmax")


@dataclass
class BatchSoftmax:
    """One user line where a softmax ran over the batch axis, or over an axis of size 1."""

    site: Site  # the user's line that called the softmax
    path: str  # real path of that line's file (for text edits)
    function: str  # softmax or log_softmax
    shape: tuple  # the argument's static shape
    training_site: Site | None = None  # the fit/evaluate call running at the time, if any
    stage: str = "call"
    kind: str = "batch"  # "batch": over the batch axis; "single": over an axis of size 1
    axis: int = 0


def install(recorder: Any) -> None:
    """Wrap the softmax functions (see the module docstring); the recorder's patch list undoes it."""
    keras = sys.modules.get("keras")
    owners = [getattr(keras, "ops", None), getattr(keras, "activations", None)]
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        owners += [getattr(tf, "nn", None), getattr(tf, "math", None)]
    for owner in owners:
        for name in _FUNCTIONS:
            if owner is not None and callable(getattr(owner, name, None)):
                recorder.patch_function(owner, name, _wrapper_maker(recorder, name))


def _wrapper_maker(recorder: Any, name: str):
    from shapedoctor.trace.watch import after_call

    return after_call(recorder, lambda args, kwargs, frame: _note(recorder, name, args, kwargs, frame))


def _note(recorder: Any, name: str, args: tuple, kwargs: dict, frame: Any) -> None:
    from shapedoctor.trace.loss_calls import static_shape
    from shapedoctor.trace.tensor_ops import user_site

    x = args[0] if args else kwargs.get("x", kwargs.get("logits"))
    axis = args[1] if len(args) > 1 else kwargs.get("axis", -1)
    if axis is None:
        axis = -1  # tf.nn.softmax's default: the last axis
    shape = static_shape(x)
    if shape is None or len(shape) < 2 or type(axis) is not int or not -len(shape) <= axis < len(shape):
        return
    if shape[axis] == 1:
        kind = "single"  # one value along the axis: the softmax of it is always 1.0
    elif axis in (0, -len(shape)) and (shape[0] is None or recorder.op_watch.is_model_made(x)):
        kind = "batch"  # a softmax over the rows of a weight matrix or a constant is not this
    else:
        return
    where = user_site(frame)
    if where is None:
        return
    site, path = where
    if any(s.site.file == site.file and s.site.line == site.line for s in recorder.batch_softmaxes):
        return
    calls = getattr(recorder, "training_calls", None) or []
    stage = recorder.stage
    training_site = calls[-1].site if calls and stage != "call" else None
    recorder.batch_softmaxes.append(BatchSoftmax(site, path, name, shape, training_site, stage, kind, axis))
