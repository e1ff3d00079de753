"""A loss function of the user's own that failed on labels and an output of different shapes.

``model.compile(loss=dice_loss)`` with ``dice_loss`` flattening both tensors and multiplying them:
masks of one channel, (N, 64, 64, 1), against a two-class softmax output, (None, 64, 64, 2), make
``Dimensions must be equal, but are 32768 and 65536`` inside the user's function. The pre-flight
of a ``fit`` checks labels against the losses Keras names (it knows what ``mse`` or a cross-entropy
compares); a function of the user's own could compare anything, so it is not checked before the run.
Once that function has raised a shape error on these very labels and outputs, the shapes are the
evidence: the labels and the output were meant to have one shape.

The problem is then read as for an element-wise loss (the user's function compares value by value)
and each fix is verified by one training step of a clone **with the user's own loss**:

* class ids against an output with one channel per class (labels with a last axis of 1, or one axis
  less, holding whole numbers below the number of channels): the labels are the cause, and
  ``keras.utils.to_categorical(y, k)`` the fix; an output of one channel (``sigmoid``) is the
  model-side alternative;
* otherwise the output's last axis against the labels': the output layer's width.

Only when the exception was raised in the user's loss (a frame of the function in the traceback)
and the call has one output and one label array.
"""

from __future__ import annotations

import traceback
from typing import Any


def custom_loss_problem(call: Any, exc: BaseException):
    """The labels-vs-output Problem of a failed call whose own loss function raised it, or None."""
    from shapedoctor.diagnosis.training import class_activation, units_fix, width_layer
    from shapedoctor.diagnosis.training_base import (
        Problem,
        TrainingFix,
        flat_items,
        is_integer_like,
        model_outputs,
        output_layer,
        to_categorical_transform,
        width_key,
    )
    from shapedoctor.graph.model import format_shape

    if call is None or call.method not in ("fit", "evaluate", "train_on_batch", "test_on_batch") \
            or not _raised_in(call.loss, exc):
        return None
    outs, ys = model_outputs(call.model), [s for s in flat_items(call.y_shapes) if s]
    samples = flat_items(call.y)
    if len(outs) != 1 or len(ys) != 1 or len(samples) != 1:
        return None
    out, y = tuple(outs[0]), tuple(ys[0])
    if tuple(out[1:]) == tuple(y[1:]) or None in out[1:]:
        return None
    name = getattr(call.loss, "__name__", type(call.loss).__name__)
    k = out[-1]
    positions = tuple(out[1:-1])
    ids = (len(y) == len(out) and y[-1] == 1 and tuple(y[1:-1]) == positions) or \
        (len(y) == len(out) - 1 and tuple(y[1:]) == positions)
    head = width_layer(output_layer(call.model, 0))
    if ids and isinstance(k, int) and k > 1 and is_integer_like(samples[0]) and _below(samples[0], k):
        prob = Problem("SD202", f"labels {format_shape(y)} against output {format_shape(out)} under {name}: "
                       f"one class id per position, {k} channels per position", "labels",
                       expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y))
        prob.explanation = (f"`{name}` is your own loss, and it failed comparing these labels with the output. "
                            f"The output has {k} channels per position (one per class); the labels hold one "
                            f"class id per position. Encode the labels with one channel per class, or give the "
                            "model one output channel.")
        prob.fixes.append(TrainingFix(f"one-hot encode the labels: keras.utils.to_categorical(y, {k})", "labels",
                                      transform="keras.utils.to_categorical({v}, " + str(k) + ")",
                                      apply=to_categorical_transform(k), cost=1))
        if width_key(head) is not None and len(y) == len(out):
            prob.fixes.append(_with_cost(units_fix(head, 1), 2))
        return prob
    if len(y) != len(out) or tuple(y[1:-1]) != positions or width_key(head) is None:
        return None
    prob = Problem("SD202", f"labels {format_shape(y)} against output {format_shape(out)} under {name}", "layer",
                   expected=format_shape(y), received=format_shape(out), layer=head)
    prob.explanation = (f"`{name}` is your own loss, and it failed comparing these labels with the output: they "
                        f"differ only in the last axis ({y[-1]} against {k}), which the output layer sets.")
    prob.fixes.append(units_fix(head, y[-1], activation=class_activation(head, y[-1])))
    return prob


def _with_cost(fix: Any, cost: int) -> Any:
    fix.cost = cost
    return fix


def _below(sample: Any, k: int) -> bool:
    import numpy as np

    arr = np.asarray(sample)
    return arr.size > 0 and arr.min() >= 0 and arr.max() < k


def _raised_in(loss: Any, exc: BaseException) -> bool:
    """*loss* is a function (or a loss class) of the user's own whose code is in *exc*'s traceback."""
    from shapedoctor.trace.sites import is_user_file

    code = getattr(loss, "__code__", None)
    if code is None:
        call = getattr(type(loss), "call", None)
        code = getattr(call, "__code__", None)
    if code is None or not is_user_file(code.co_filename):
        return False
    return any(frame.f_code is code for frame, _ in traceback.walk_tb(exc.__traceback__))
