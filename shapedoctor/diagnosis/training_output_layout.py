"""Labels against an output with the right values in the wrong shape: model-side fixes and the
evidence that the model, not the labels, is what to change.

Two ways a model's last layers make the right numbers in the wrong shape:

* **layout** - the output holds exactly as many values per sample as the labels, arranged
  otherwise: a fully connected decoder ends on ``Dense(784)`` while its targets (its own inputs)
  are 28x28, or a multi-step forecaster's final ``Reshape`` gives (features, steps) against
  (steps, features) labels. The values are learned, so the model may put them in any layout: the
  fix is a ``Reshape`` to the labels' sample shape, as the target of the model's final ``Reshape``
  when it has one, else a ``Reshape`` appended after the output layer. Nothing is cut, padded or
  re-ordered in the data, and the number of samples stays.

  The model is the one to change when the labels are laid out like the data: they are the inputs
  themselves (an autoencoder, read by ``training._labels_are_inputs``), or their last axis is the
  inputs' feature axis (x (N, 24, 5) and y (N, 12, 5): five features per step on both sides)
  while the output's last axis is not (:func:`laid_out_like_data`).

* **merged positions** - a ``Flatten`` or a global pooling (``GlobalMaxPooling1D``) between a layer
  that keeps the positions (an LSTM with ``return_sequences=True``) and the head, while the labels
  keep them (one tag per word): removing it lets the head's Dense run at every position
  (:func:`merged_positions_fix`); the labels laid out like the inputs
  (``training._labels_per_position``) make that layer the culprit.

* **stray downsampling in a decoder** - a pooling layer among the layers that upsample back to the
  labels' size (a ``MaxPooling2D`` left between a decoder's ``UpSampling2D`` layers), when the
  output is smaller than the labels by exactly that pooling's factor on every spatial axis: a
  decoder only enlarges, so the pooling is removed (:func:`stray_downsampling_fix`). Walking back
  from the output, the first downsampling layer with no upsampling after it is the encoder's
  bottleneck, where the search stops.

* **windowed pooling** - ``AveragePooling1D(2)`` or ``MaxPooling2D(2)`` between a sequence or a
  feature map and the head only shrinks the axes the labels do not have; one label per sample
  needs the global pooling (``GlobalAveragePooling1D``). The pooling layer is the culprit (the
  user pooled, with the pooling that keeps the axis), not the recurrent or convolutional layer
  before it; the fix calls the global pooling of the same kind in its place
  (:func:`windowed_pooling_fixes`). Not when the pooled map also goes to a ``Flatten`` or a global
  pooling (another head of a multi-output model reads it flattened): the window was meant there,
  and the head that reads the map itself skipped the reduction (the first Dense on the map is the
  culprit, as for any Dense on a feature map).

Every fix is verified by rebuilding the edited model with Keras and comparing its output with the
labels under the compiled loss (``training_fixes``).
"""

from __future__ import annotations

import math
from typing import Any

from shapedoctor.diagnosis.training_base import (
    TrainingFix,
    layer_config,
    output_layer,
    previous_layer,
)


def _sizes(shape: tuple) -> tuple | None:
    sizes = tuple(shape[1:])
    return sizes if sizes and all(isinstance(s, int) and s > 0 for s in sizes) else None


def layout_fix(model: Any, index: int, out: tuple, y_shape: tuple) -> TrainingFix | None:
    """A Reshape to the labels' sample shape when the output has as many values per sample, else None."""
    from shapedoctor.repair.invariants import reshape_keeps_positions

    have, want = _sizes(out), _sizes(y_shape)
    if have is None or want is None or have == want or math.prod(have) != math.prod(want):
        return None
    layer = output_layer(model, index)
    if layer is None:
        return None
    if type(layer).__name__ == "Reshape":
        # the Reshape's own input decides (a Dense's flat units regrouped (12, 5) instead of (5, 12) mix nothing)
        try:
            before = _sizes(tuple(layer.input.shape))
        except (AttributeError, ValueError):
            before = None
        if before is not None and not reshape_keeps_positions(before, want)[0]:
            return None
        return TrainingFix(f"reshape to the labels' layout: target_shape={want} on {layer.name}", "model",
                           edits=[("config", layer, {"target_shape": want})], cost=1)
    if not reshape_keeps_positions(have, want)[0]:
        return None  # the same sizes in another order: a new Reshape would mix the positions (a transpose is meant)
    return TrainingFix(f"reshape the output to the labels' layout: Reshape({want}) after {layer.name}", "model",
                       edits=[("append_after_layer", layer, ("Reshape", (want,)))], cost=1)


def merged_positions_fix(model: Any, index: int, out: tuple, y_shape: tuple) -> TrainingFix | None:
    """Removing the Flatten (or global pooling) between the layers that keep the positions and the
    head, when the labels keep those positions (one tag per word against one distribution per sentence): the
    head's Dense then runs at every position."""
    from shapedoctor.diagnosis.context import FLATTENERS, PASS_THROUGH
    from shapedoctor.diagnosis.training_base import layer_inputs

    if len(y_shape) <= len(out):
        return None
    layer, seen = output_layer(model, index), 0
    while layer is not None and seen < 8:
        seen += 1
        name = type(layer).__name__
        if name in FLATTENERS:
            tensors = layer_inputs(layer)
            if tensors and len(tensors[0].shape) == len(y_shape):
                return TrainingFix(f"keep the positions the labels have: remove {layer.name}", "model",
                                   edits=[("remove_layer", layer, None)], cost=1)
            return None
        if name != "Dense" and name not in PASS_THROUGH:
            return None
        layer = previous_layer(layer, only_one=True)
    return None


def _factor(cfg: dict, key: str, rank: int) -> tuple | None:
    """A layer's per-axis factor (``strides``, ``size``, ``pool_size``) as a tuple of *rank* ints."""
    value = cfg.get(key)
    if isinstance(value, int):
        value = (value,) * rank
    if not isinstance(value, (list, tuple)) or len(value) != rank or not all(isinstance(v, int) for v in value):
        return None
    return tuple(value)


def stray_downsampling_fix(model: Any, index: int, out: tuple, y_shape: tuple) -> TrainingFix | None:
    """Removing a pooling layer that sits among a decoder's upsampling layers, when the output is
    smaller than the labels by exactly its factor on every spatial axis (14x14 against 28x28 after a
    stray ``MaxPooling2D((2, 2))``). Walking back from the output, a pooling met after an upsampling
    layer (nearer the output) belongs to the decoder; the first downsampling met before any
    upsampling is the encoder's, and the search stops there."""
    spatial_out, spatial_y = tuple(out[1:-1]), tuple(y_shape[1:-1])
    rank = len(spatial_out)
    if len(out) != len(y_shape) or rank < 1 or None in spatial_out + spatial_y or out[-1] != y_shape[-1]:
        return None
    if any(o <= 0 or y % o for o, y in zip(spatial_out, spatial_y)):
        return None
    ratio = tuple(y // o for o, y in zip(spatial_out, spatial_y))
    if all(r == 1 for r in ratio):
        return None
    layer, seen, upsampled = output_layer(model, index), 0, False
    while layer is not None and seen < 16:
        seen += 1
        cls, cfg = type(layer).__name__, layer_config(layer)
        if _upsamples(layer, rank):
            upsampled = True
        elif "Pooling" in cls and not cls.startswith("Global"):
            factor = _factor(cfg, "strides", rank) or _factor(cfg, "pool_size", rank)
            if not upsampled:
                return None  # the encoder's downsampling: nothing after it enlarges
            # Between two upsamplings: the decoder had begun before it (else it is the encoder's).
            if factor == ratio and cfg.get("data_format") in (None, "channels_last") and _upsampled_before(layer, rank):
                return TrainingFix(f"a decoder only enlarges: remove {layer.name}, which halves the map again"
                                   if set(ratio) == {2} else f"a decoder only enlarges: remove {layer.name}",
                                   "model", edits=[("remove_layer", layer, None)], cost=1)
        elif any(s > 1 for s in _factor(cfg, "strides", rank) or ()) and not upsampled:
            return None  # a strided convolution of the encoder
        layer = previous_layer(layer, only_one=True)
    return None


def _upsamples(layer: Any, rank: int) -> bool:
    """An UpSampling layer or a transposed convolution with a stride above 1."""
    cls = type(layer).__name__
    strides = _factor(layer_config(layer), "strides", rank) or ()
    return cls.startswith("UpSampling") or ("Transpose" in cls and any(s > 1 for s in strides))


def _upsampled_before(layer: Any, rank: int) -> bool:
    """Whether an upsampling layer comes before *layer* on its single-input chain back to the input."""
    current, seen = previous_layer(layer, only_one=True), 0
    while current is not None and seen < 32:
        seen += 1
        if _upsamples(current, rank):
            return True
        current = previous_layer(current, only_one=True)
    return False


def is_layout_fix(fix: TrainingFix) -> bool:
    """Whether *fix* is one :func:`layout_fix` made (a Reshape to the labels' sample shape)."""
    if not fix.edits:
        return False
    kind, layer, value = fix.edits[0]
    return (kind == "append_after_layer" and value[0] == "Reshape") or (
        kind == "config" and type(layer).__name__ == "Reshape" and "target_shape" in value)


def laid_out_like_data(call: Any, out: tuple, y_shape: tuple) -> bool:
    """The labels' last axis is the inputs' feature axis (same size, same rank) and the output's
    last axis is another size: the labels keep the data's layout, the output does not."""
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.trace.recorder import shape_of

    if len(y_shape) < 3 or not isinstance(y_shape[-1], int) or out[-1] == y_shape[-1]:
        return False
    shapes = [shape_of(x) for x in flat_items(call.x_ref)]
    return any(s and len(s) == len(y_shape) and s[-1] == y_shape[-1] for s in shapes)


_WINDOWED = ("MaxPooling", "AveragePooling")


def windowed_pooling_fixes(model: Any, index: int, rank: int) -> tuple[Any, list[TrainingFix]] | None:
    """(the pooling layer, its global replacements) when walking back from output *index* over
    Dense and shape-keeping layers reaches a windowed pooling of the output's *rank*."""
    from shapedoctor.diagnosis.context import PASS_THROUGH

    layer, seen = output_layer(model, index), 0
    while layer is not None and seen < 8:
        seen += 1
        name = type(layer).__name__
        if name == "Dense" or name in PASS_THROUGH:
            layer = previous_layer(layer, only_one=True)
            continue
        kind = next((k for k in _WINDOWED if name == f"{k}{rank - 2}D"), None)
        if kind is None:
            return None
        if layer_config(layer).get("data_format") not in (None, "channels_last"):
            return None
        if _reduced_elsewhere(layer):
            return None  # another branch flattens or pools this map: its window was meant (the head skipped that step)
        same = f"Global{kind}{rank - 2}D"
        other = f"Global{'AveragePooling' if kind == 'MaxPooling' else 'MaxPooling'}{rank - 2}D"
        return layer, [
            TrainingFix(f"pool over every position, not a window: {same}() instead of {layer.name}", "model",
                        edits=[("replace_layer", layer, (same, ()))], cost=1),
            TrainingFix(f"pool over every position: {other}() instead of {layer.name}", "model",
                        edits=[("replace_layer", layer, (other, ()))], cost=2),
        ]
    return None


_REDUCERS = ("Flatten", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
             "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D")


def _reduced_elsewhere(layer: Any) -> bool:
    """*layer*'s output also goes to a Flatten or a global pooling (a multi-output model whose other
    head reads the flattened map): the user pooled with a window on purpose."""
    for node in getattr(layer, "_outbound_nodes", None) or []:
        if type(getattr(node, "operation", None)).__name__ in _REDUCERS:
            return True
    return False
