"""A residual written as an operator (``x + y``) that failed: recorded as the merge layer it stands for.

``attention_output + ffn_output`` or ``x + shortcut`` on two layer outputs whose widths differ
raises inside Keras's or TensorFlow's broadcasting, not inside a layer call, so the recorder has no
failing call to start from and the script would end as an unrecognised error. When such a sum (or
difference) of two tensors of the same rank fails in the user's own code, :func:`replay` calls the
merge layer Keras has for it (``Add`` / ``Subtract``) on the very same operands, under the recorder:
the merge refuses them the way an ``Add`` line would, and that refused call becomes the recorded
failure, marked as standing for the operator's exception (``Failure.stands_for``). From there every
merge rule applies unchanged: the walk back to the branch layer whose width differs, the identity
shortcut, the fixes replayed through Keras.

Only evidence is gathered: the operator's own exception is re-raised unchanged afterwards, and the
replayed layer is named explicitly so that Keras's automatic layer names do not move.
"""

from __future__ import annotations

from typing import Any

_MERGES = {"+": ("Add", "operator_add"), "-": ("Subtract", "operator_subtract")}


def replay(recorder: Any, left: Any, right: Any, symbol: str, exc: BaseException) -> None:
    """Record the failed ``left <symbol> right`` as a refused merge call standing for *exc*."""
    from shapedoctor.trace.recorder import shape_of

    merge = _MERGES.get(symbol)
    shapes = shape_of(left), shape_of(right)
    if merge is None or None in shapes or len(shapes[0]) != len(shapes[1]) or len(shapes[0]) < 2:
        return  # a rank change (a position table added to a batch) is no residual of two branches
    if not (_layer_made(recorder, left) and _layer_made(recorder, right)):
        return
    if recorder.failure is not None and getattr(recorder.failure, "stands_for", None) is exc:
        return
    import keras

    cls_name, name = merge
    before = recorder.failure
    try:
        getattr(keras.layers, cls_name)(name=name)([left, right])
    except Exception:  # noqa: BLE001 - the refusal is the evidence wanted
        failure = recorder.failure
        if failure is not None and failure is not before and type(failure.call.layer).__name__ == cls_name:
            failure.stands_for = exc
        return
    # Keras's merge accepted what the operator refused (it should not): leave no trace of it.


def replay_broadcast(recorder: Any, left: Any, right: Any, symbol: str, site: Any) -> None:
    """A residual ``x + shortcut`` inside a layer's own ``call`` that stretched one channel over
    many (``(None, 28, 28, 3) + (None, 28, 28, 1)``) raised nothing: the merge layer it stands for
    is called on the same operands and kept with the merges that broadcast (SD205), once per line."""
    from shapedoctor.trace.recorder import shape_of

    merge = _MERGES.get(symbol)
    shapes = [shape_of(left), shape_of(right)]
    if merge is None or None in shapes:
        return
    if not one_channel_over_many(shapes) and not _one_value_against_the_input(recorder, left, right, shapes):
        return
    if not (_layer_made(recorder, left) or _layer_made(recorder, right)):
        return
    if any(r.site is not None and site is not None and (r.site.file, r.site.line) == (site.file, site.line)
           for r in recorder.merge_broadcasts):
        return
    import keras

    cls_name, name = merge
    result = getattr(keras.layers, cls_name)(name=name)([left, right])
    record = recorder.producer_of(result)
    if record is not None:
        for seen in (getattr(recorder._local, "children", None), getattr(recorder._local, "finished", None)):
            if seen and seen[-1] is record:
                seen.pop()  # not a step of the user's model run
        record.site = site
        recorder.merge_broadcasts.append(record)
        recorder.pin([left, right])


def _one_value_against_the_input(recorder: Any, left: Any, right: Any, shapes: list) -> bool:
    """``reconstruction - inputs`` in a model's own ``call``: a layer's one value per sample, (batch, 1),
    against the feature vectors the call was given, (batch, n). A reconstruction or a residual of the
    input is meant to have the input's width; a per-sample value added to other layers' outputs (a
    dueling network's state value) is not this."""
    if len(shapes[0]) != 2 or len(shapes[1]) != 2 or sorted([shapes[0][-1] or 0, shapes[1][-1] or 0])[0] != 1 \
            or max(shapes[0][-1] or 0, shapes[1][-1] or 0) < 2:
        return False
    narrow, wide = (left, right) if shapes[0][-1] == 1 else (right, left)
    return _layer_made(recorder, narrow) and not _layer_made(recorder, wide) and _given_to_a_call(recorder, wide)


def _given_to_a_call(recorder: Any, tensor: Any) -> bool:
    """*tensor* is (or has the shape of, when Keras converted it) an input of a layer call under way."""
    from keras import tree

    from shapedoctor.trace.recorder import shape_of

    shape = shape_of(tensor)
    for record in list(recorder._stack):
        try:
            given = tree.flatten(record.args[:1])
        except Exception:  # noqa: BLE001 - arguments Keras cannot walk
            continue
        if any(a is tensor or (shape is not None and shape_of(a) == shape) for a in given):
            return True
    return False


def _layer_made(recorder: Any, tensor: Any) -> bool:
    """The operand is a layer's output (a functional tensor with a history, or a recorded output)."""
    if getattr(tensor, "_keras_history", None) is not None:
        return True
    return recorder.producer_of(tensor) is not None


def one_channel_over_many(shapes: list) -> bool:
    """Two inputs of one rank (3 or more) equal on every axis but the last, one with 1 channel, one with many."""
    if len(shapes) != 2 or len(shapes[0]) != len(shapes[1]) or len(shapes[0]) < 3:
        return False
    a, b = shapes
    if any(x != y for x, y in zip(a[1:-1], b[1:-1])):
        return False
    return sorted([a[-1] or 0, b[-1] or 0])[0] == 1 and max(a[-1] or 0, b[-1] or 0) > 1
