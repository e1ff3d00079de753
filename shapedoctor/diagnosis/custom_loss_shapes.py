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
    name = getattr(call.loss, "__name__", type(call.loss).__name__)
    per_sample_ids = _one_id_per_sample(exc, y, samples[0])
    if per_sample_ids is not None:
        return per_sample_ids(name)
    if tuple(out[1:]) == tuple(y[1:]) or None in out[1:]:
        return None
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


def _one_id_per_sample(exc: BaseException, y: tuple, sample: Any):
    """A maker of the labels Problem when the user's loss reshapes one-hot label rows to one value per sample
    (``ops.reshape(y_true, (batch, 1))`` in a triplet loss that compares class ids: "Cannot reshape a tensor
    with 80 elements to shape [8,1]" for (8, 10) rows, r1123): the loss reads class ids, and the fix gives
    it the ids, ``np.argmax(y, -1)`` (or the ids the rows were made from, where they were made). Else None."""
    import re

    import numpy as np

    from shapedoctor.diagnosis.sparse_onehot_source import one_hot_encoding
    from shapedoctor.diagnosis.training_base import Problem, is_one_hot
    from shapedoctor.diagnosis.training_encoding import onehot_to_ids_fix
    from shapedoctor.trace.sites import outermost_user_site
    from shapedoctor.graph.model import format_shape

    match = re.search(r"Cannot reshape a tensor with (\d+) elements to shape \[(\d+),\s*1\]", str(exc))
    if match is None or len(y) != 2 or not isinstance(y[-1], int) or y[-1] < 2:
        return None
    rows, k = int(match.group(2)), y[-1]
    if int(match.group(1)) != rows * k or not is_one_hot(np.asarray(sample)):
        return None
    started = outermost_user_site(exc.__traceback__)
    file = started.file if started is not None else None

    def problem(name: str):
        prob = Problem("SD202", f"one-hot labels {format_shape(y)} for {name}, which reshapes them to one value per "
                       f"sample", "labels", expected=format_shape((None,)), received=format_shape(y))
        prob.explanation = (f"`{name}` is your own loss, and it reshapes the labels to (batch, 1): one class id per "
                            f"sample, as a triplet or contrastive loss compares ids to find the pairs of one class. "
                            f"The labels are one-hot rows of {k} values, {rows * k} values for {rows} samples. Give "
                            "the loss the class ids (the integers the rows were made from).")
        fix = onehot_to_ids_fix("give the loss class ids: np.argmax(y, -1) (or the ids the one-hot rows were made "
                                "from)")
        made = one_hot_encoding(file) if file else None
        if made is not None:  # the one to_categorical of the script made them: keep its ids there
            import linecache

            _name, node, ids = made
            text = linecache.getline(file, node.lineno)
            fix.title = f"give the loss class ids: {ids}, not their one-hot rows"
            fix.line_edit = (node.lineno, node.col_offset, node.end_col_offset, ids,
                             (text[:node.col_offset] + ids + text[node.end_col_offset:]).strip())
        prob.fixes.append(fix)
        return prob

    return problem


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
