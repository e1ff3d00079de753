"""Watch the Keras loss objects the user's own code calls, for targets and predictions Keras broadcasts.

``loss = loss_fn(target_q_values, q_values)`` in a ``tf.GradientTape`` loop, ``self.loss_fn(y, y_pred)``
in a ``train_step``: the loss is a Keras ``Loss`` object, but it is called by the user's code, not by
the ``fit`` that compiled it, so no pre-flight compares its two arguments. A Keras loss lines up
targets and predictions whose ranks differ by a trailing axis of 1; any other difference is broadcast
element-wise without a word: (32, 1) targets against (32, 2) masked Q-values, (32,) targets against
the scalar sum of a whole batch, (32, 32) targets against a one-unit (32, 1) output. The loss is a
finite number and training optimises the wrong quantity.

:func:`install` wraps ``keras.losses.Loss.__call__``. The wrapper calls the original first and returns
its result unchanged (an exception passes through untouched, the wrapper's frame hidden); afterwards it
only reads the two arguments' static shapes, and notes a :class:`LossCall` when the loss compares
value by value (an element-wise, binary or categorical loss: not a sparse one, which takes class ids
beside one score per class), the caller is the user's own code (a line AutoGraph converted counts as the line it was converted from) and the shapes
differ in a way Keras does not line up. Each line is noted once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from shapedoctor.trace.sites import Site


@dataclass
class LossCall:
    """One user line where a Keras loss object compared targets and predictions of different shapes."""

    site: Site  # the user's line that called the loss
    path: str  # real path of that line's file (for text edits)
    loss: str  # the loss class's name (MeanSquaredError, Huber, ...)
    y_true: tuple
    y_pred: tuple
    training_site: Site | None = None  # the fit/evaluate call running at the time, if any
    stage: str = "call"


def install(recorder: Any) -> None:
    """Wrap ``keras.losses.Loss.__call__`` (see the module docstring); the recorder's patch list undoes it."""
    losses = getattr(sys.modules.get("keras"), "losses", None)
    loss_class = getattr(losses, "Loss", None)
    if loss_class is not None and "__call__" in vars(loss_class):
        recorder._patch(loss_class, "__call__", _wrapper_maker(recorder))


def _wrapper_maker(recorder: Any):
    from shapedoctor.trace.watch import after_call

    def note(args: tuple, kwargs: dict, frame: Any) -> None:
        y_true = args[1] if len(args) > 1 else kwargs.get("y_true")
        y_pred = args[2] if len(args) > 2 else kwargs.get("y_pred")
        _note(recorder, args[0], y_true, y_pred, frame)

    return after_call(recorder, note)


def _note(recorder: Any, loss: Any, y_true: Any, y_pred: Any, frame: Any) -> None:
    from shapedoctor.trace.tensor_ops import user_site

    from shapedoctor.graph.loss_kinds import BINARY, CATEGORICAL, ELEMENTWISE, loss_name

    if not {loss_name(loss), type(loss).__name__.lower()} & (ELEMENTWISE | BINARY | CATEGORICAL):
        return  # a sparse loss takes class ids beside one score per class; a custom one compares anything
    shapes = static_shape(y_true), static_shape(y_pred)
    if None in shapes or not broadcast_apart(*shapes):
        return
    where = user_site(frame)
    if where is None:
        return  # a loss Keras itself calls (the compiled loss of fit), or a library's
    site, path = where
    if (site.file, site.line) in recorder.loss_lines:
        return
    recorder.loss_lines.add((site.file, site.line))
    calls = getattr(recorder, "training_calls", None) or []
    stage = recorder.stage
    training_site = calls[-1].site if calls and stage != "call" else None
    recorder.loss_calls.append(LossCall(site, path, type(loss).__name__, shapes[0], shapes[1], training_site, stage))


def static_shape(t: Any) -> tuple | None:
    shape = getattr(t, "shape", None)
    if shape is None:
        return None
    try:
        return tuple(None if d is None else int(d) for d in (shape.as_list() if hasattr(shape, "as_list") else shape))
    except (TypeError, ValueError):  # an unknown rank
        return None


def broadcast_apart(y_true: tuple, y_pred: tuple) -> bool:
    """Targets and predictions that a Keras loss broadcasts instead of comparing value by value: their
    shapes differ once a rank difference of one trailing axis of 1 is lined up (as Keras does), on an
    axis whose two sizes are known (an unknown size may be either)."""
    a, b = tuple(y_true), tuple(y_pred)
    if len(a) == len(b) + 1 and a and a[-1] == 1:
        a = a[:-1]
    elif len(b) == len(a) + 1 and b and b[-1] == 1:
        b = b[:-1]
    if len(a) != len(b):
        return True
    return any(x is not None and y is not None and x != y for x, y in zip(a, b))
