"""When no training fix is verified for labels against an output: single model edits found by search.

The training rules write the fixes an expert writes for the patterns they recognise (integer
labels under a categorical loss, a Dense on a feature map, a decoder one upsampling short...). A
model they do not recognise ends with "no fix could be verified". Before that, this module tries a
small vocabulary of *single* edits on the layers that made the output, walking back from the output
layer along its first input (at most :data:`DEPTH` layers), and each candidate goes through the same
verification as every training fix: one real training step of a clone on the user's samples, the
loss then comparing labels and output of the same shape (no broadcast), the model's size kept, the
output still learned (``training_fixes.verify``):

* the output layer's width (``units``/``filters``) set to the labels' last axis;
* ``return_sequences`` flipped on a recurrent layer when labels and output differ by the time axis;
* a layer that only resamples or re-lays out (pooling, upsampling, Flatten, global pooling,
  Reshape, RepeatVector) removed;
* ``strides=1`` on a strided convolution, ``padding="same"`` on a windowed one with ``"valid"``,
  when the labels and the output differ on their inner (spatial or time) axes;
* ``axis=-1`` on a Concatenate that joins maps along an inner axis (every Concatenate made alike
  at once), when the labels and the output differ on their inner axes.

The labels and data are never touched here (their fixes are the rules' business). At most
:data:`LIMIT` verified edits are kept, cheapest first (the costs of ``docs/fix-ranking.md``),
nearest the output first, each with a note saying it was found by search: a lead to check, not a
pattern recognised. The root cause follows the search (:func:`blame_the_searched_layer`): an edit of
the layer the rules named comes first, else the layer the best edit changes is the culprit. Nothing
here runs when a rule's own fix was verified.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import (
    TrainingFix,
    flat_items,
    layer_config,
    layers_back,
    model_outputs,
    previous_layer,
)
from shapedoctor.repair.edit_search import is_resampler, largest, window

DEPTH = 8  # layers searched above the output
LIMIT = 3  # verified edits kept
TRIED = 12  # candidates verified at most

NOTE = ("found by search: the one edit of this layer that lets the model train on these labels, "
        "the loss comparing shapes that agree; no known pattern names it, so check that it keeps what "
        "the model was designed to do")

_RECURRENT = ("LSTM", "GRU", "SimpleRNN")


def shapes(call: Any, prob: Any) -> tuple[tuple, tuple] | None:
    """(output shape, labels shape the loss needs) of the problem's output, when both are known."""
    outs = model_outputs(call.model)
    ys = flat_items(call.y_shapes) if call.y_shapes is not None else []
    index = prob.output_index
    if index >= len(outs) or index >= len(ys) or not outs[index] or not ys[index]:
        return None
    y_shape = prob.labels_ask_for or ys[index]
    return tuple(outs[index]), tuple(y_shape)


def candidates(call: Any, prob: Any) -> list[TrainingFix]:
    """Single model edits on the layers that made output ``prob.output_index``, in search order."""
    found = shapes(call, prob)
    if found is None:
        return []
    out, y_shape = found
    walk = layers_back(call.model, prob.output_index, DEPTH)
    first = walk[0] if walk else None
    fixes = []
    inner_differs = len(out) == len(y_shape) >= 3 and tuple(out[1:-1]) != tuple(y_shape[1:-1])
    for distance, layer in enumerate(walk):
        cls, cfg = type(layer).__name__, layer_config(layer)
        name = layer.name
        if layer is first and len(out) == len(y_shape) and out[-1] != y_shape[-1] and isinstance(y_shape[-1], int):
            key = "units" if isinstance(cfg.get("units"), int) else "filters" if isinstance(cfg.get("filters"), int) else None
            if key:
                fixes.append((1, distance, TrainingFix(f"give {name} the labels' width: {key}={y_shape[-1]}", "model",
                                                        edits=[("config", layer, {key: y_shape[-1]})])))
        if cls in _RECURRENT and "return_sequences" in cfg and abs(len(y_shape) - len(out)) == 1:
            flipped = not cfg.get("return_sequences")
            fixes.append((1, distance, TrainingFix(f"return_sequences={flipped} on {name}", "model",
                                                    edits=[("config", layer, {"return_sequences": flipped})])))
        if inner_differs and cfg.get("padding") == "valid" and window(cfg) > 1:
            fixes.append((2, distance, TrainingFix(f'keep the size: padding="same" on {name}', "model",
                                                    edits=[("config", layer, {"padding": "same"})])))
        strides = cfg.get("strides")
        if inner_differs and strides is not None and largest(strides) > 1 and "Transpose" not in cls \
                and not cls.startswith(("MaxPooling", "AveragePooling")):
            one = 1 if isinstance(strides, int) else tuple(1 for _ in strides)
            fixes.append((2, distance, TrainingFix(f"do not stride: strides={one} on {name}", "model",
                                                    edits=[("config", layer, {"strides": one})])))
        joined = _joined_on_inner_axis(call.model, layer, len(out)) if inner_differs else []
        if joined:  # Concatenate(axis=1) of U-Net skips: every Concatenate made alike goes along
            alike = f" and the {len(joined) - 1} other Concatenate made alike" if len(joined) > 1 else ""
            fixes.append((1, distance, TrainingFix(f"join along the channels: axis=-1 on {name}{alike}", "model",
                                                    edits=[("config", other, {"axis": -1}) for other in joined])))
        if is_resampler(cls) and previous_layer(layer, only_one=True) is not None and layer is not first:
            fixes.append((3, distance, TrainingFix(f"remove {name}, which changes the shape here", "model",
                                                    edits=[("remove_layer", layer, None)])))
    fixes.sort(key=lambda item: (item[0], item[1]))
    ranked = []
    for cost, _distance, fix in fixes[:TRIED]:
        fix.cost = cost  # docs/fix-ranking.md: 1 a value, 2 a value off the output layer, 3 a removal
        fix.note = NOTE
        ranked.append(fix)
    return ranked


def _joined_on_inner_axis(model: Any, layer: Any, rank: int) -> list:
    """*layer* and every other Concatenate of *model* with its axis, when *layer* is a Concatenate of maps
    of *rank* axes joined along an inner (spatial or time) axis, not the channels: the edit sets them
    all to the last axis (a helper or a loop made them with one line). Else []."""
    from shapedoctor.diagnosis.training_base import all_layers

    if type(layer).__name__ != "Concatenate" or rank < 3:
        return []
    axis = layer_config(layer).get("axis")
    if not isinstance(axis, int) or axis in (-1, rank - 1) or axis == 0:
        return []
    return [other for other in all_layers(model)
            if type(other).__name__ == "Concatenate" and layer_config(other).get("axis") == axis]


def blame_the_searched_layer(prob: Any, found: list) -> Any:
    """The root cause, once search found verified edits (*found*: their fixes, best first), and the
    fix to show first: when one edits the layer the rules named, that one; else the best one, and
    the layer it edits is the root cause (the labels are not: no rule's fix of them was verified).
    None when nothing was found."""
    if not found:
        return None
    on_named = next((f for f in found if f.edits[0][1] is prob.layer), None) if prob.layer is not None else None
    if on_named is not None:
        return on_named
    layer = found[0].edits[0][1]
    prob.layer, prob.culprit_kind = layer, "layer"
    prob.explanation = (prob.explanation + " " if prob.explanation else "") + (
        f"No rule's fix was verified; the search found that changing {layer.name} alone makes the output "
        "fit the labels, so it is the first place to look.")
    return found[0]


def applies(prob: Any) -> bool:
    """A labels-against-output problem (the loss refused the two shapes, or broadcast them)."""
    return prob.family in ("SD202", "SD204") and prob.culprit_kind in ("labels", "layer") \
        and prob.extra_where is None and not prob.model_kept
