"""Watch ``layer.add_loss(value)`` calls of the user's own code for a value with one entry per sample.

keras-team/keras #19560 (r641): a VAE's ``call`` computes ``kl_loss = -0.5 * ops.mean(..., axis=1)``, one
value per sample, and registers it with ``self.add_loss(kl_loss)``. ``add_loss`` expects a scalar; the
(batch,) vector is broadcast into the total loss without a word, and training optimises a loss made of
one KL term per sample instead of their mean.

:func:`install` wraps ``keras.layers.Layer.add_loss``. The wrapper calls the original first and returns
its result unchanged (an exception passes through untouched); afterwards it only reads the value's
static shape and notes an :class:`AddedLoss` when the caller is the user's own code (a line AutoGraph
converted counts as its source line) and the value is not a scalar (any axis unknown or above 1). Each
line is noted once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from shapedoctor.trace.sites import Site


@dataclass
class AddedLoss:
    """One user line that gave ``add_loss`` a value with more than one entry."""

    site: Site
    path: str  # real path of that line's file (for text edits)
    shape: tuple
    training_site: Site | None = None


def install(recorder: Any) -> None:
    """Wrap ``keras.layers.Layer.add_loss`` (see the module docstring); the recorder's patch list undoes it."""
    layers = getattr(sys.modules.get("keras"), "layers", None)
    layer_class = getattr(layers, "Layer", None)
    if layer_class is not None and callable(getattr(layer_class, "add_loss", None)):
        recorder._patch(layer_class, "add_loss", _wrapper_maker(recorder))


def _wrapper_maker(recorder: Any):
    from shapedoctor.trace.watch import after_call

    def note(args: tuple, kwargs: dict, frame: Any) -> None:
        _note(recorder, args[1] if len(args) > 1 else kwargs.get("loss"), frame)

    return after_call(recorder, note)


def _note(recorder: Any, loss: Any, frame: Any) -> None:
    from shapedoctor.trace.loss_calls import static_shape
    from shapedoctor.trace.tensor_ops import user_site

    shape = static_shape(loss)
    if not shape or all(size == 1 for size in shape):
        return  # a scalar (or a list of losses, which has no shape)
    where = user_site(frame)
    if where is None:
        return
    site, path = where
    if any(a.site.file == site.file and a.site.line == site.line for a in recorder.added_losses):
        return
    calls = getattr(recorder, "training_calls", None) or []
    training_site = calls[-1].site if calls and recorder.stage != "call" else None
    recorder.added_losses.append(AddedLoss(site, path, shape, training_site))
