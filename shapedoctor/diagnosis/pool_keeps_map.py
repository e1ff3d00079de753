"""A pooling window as large as its whole map, with ``padding="same"`` and stride 1: the map keeps its size (SD212).

keras-resnet's last pool, ``AveragePooling2D(pool_size=(7, 7), strides=(1, 1), padding="same")`` on the
7x7 map of the last block, was meant to reduce each channel to one value, as the paper's global pool and
Keras's own ResNet50 do; "same" padding keeps the map 7x7, so the Flatten after it hands the classifier
49 times the features and training runs (raghakot/keras-resnet #9, r1049; "fixed" with valid padding).

Evidence, recorded: a model that ran (fit, evaluate, predict) holds a MaxPooling/AveragePooling layer whose
window equals its input's size on every spatial axis (each larger than 1), with every stride 1 and
``padding="same"``: its output has its input's spatial size. A window as large as the map written to keep
the map would be a blur no architecture asks for, where ``padding="valid"`` gives the one pooled position
the window's size says. The pooling's line is the root cause; the fix writes ``padding="valid"`` there,
proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import math
from typing import Any

from shapedoctor.report.model import Finding

_POOLS = ("MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D")


def pool_keeps_map_findings(recorder: Any) -> list[Finding]:
    """SD212 warnings for the pooling layers of the models that ran (see the module)."""
    try:
        found = _found(recorder)
    except Exception:  # noqa: BLE001 - evidence only: a model we cannot read holds no warning
        return []
    out = []
    for layer, shape in found:
        finding = _finding(recorder, layer, shape)
        if finding is not None:
            out.append(finding)
    return out


def _found(recorder: Any) -> list[tuple[Any, tuple]]:
    from shapedoctor.diagnosis.training_base import all_layers

    models = {id(c.model): c.model for c in getattr(recorder, "training_calls", None) or [] if c.error is None}
    every = list({id(layer): layer for model in models.values() for layer in all_layers(model)}.values())
    found = []
    for layer in every:
        if type(layer).__name__ not in _POOLS or not _flattened_after(layer, every):
            continue
        try:
            shape = tuple(layer.input.shape)
        except (AttributeError, ValueError):
            continue
        spatial = shape[1:-1] if layer.data_format == "channels_last" else shape[2:]
        window, strides = tuple(layer.pool_size), tuple(layer.strides)
        if layer.padding == "same" and len(window) == len(spatial) and all(s == 1 for s in strides) \
                and all(isinstance(n, int) and n > 1 for n in spatial) and window == tuple(spatial):
            found.append((layer, shape))
    return found


def _flattened_after(layer: Any, every: list) -> bool:
    """The pooled map goes on to a layer that treats it as one vector per sample (Flatten, Reshape, Dense):
    a pooling in the middle of a block (an Inception branch's same-padded pool) keeps its map on purpose."""
    from keras import tree

    try:
        out = layer.output
    except (AttributeError, ValueError):
        return False
    for other in every:
        try:
            given = tree.flatten(other.input)
        except (AttributeError, ValueError):
            continue
        if any(t is out for t in given) and type(other).__name__ in ("Flatten", "Reshape", "Dense"):
            return True
    return False


def _finding(recorder: Any, layer: Any, shape: tuple) -> Finding | None:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path, source_tree_and_calls_at

    site = recorder.creation_site(layer)
    if site is None or not site.file:
        return None
    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) == type(layer).__name__]
    padding = [k.value for c in calls for k in c.keywords if k.arg == "padding"]
    if len(calls) != 1 or len(padding) != 1 or not isinstance(padding[0], ast.Constant) \
            or padding[0].lineno != padding[0].end_lineno:
        return None
    quote = linecache.getline(site.file, padding[0].lineno)[padding[0].col_offset]
    edit = TextEdit.replacing(site.file, padding[0], f"{quote}valid{quote}")
    fix = script_checked_fix('pool the whole map to one position: padding="valid"', edit.shown(),
                             display_path(site.file), padding[0].lineno, [edit], cost=1)
    fam = get("SD212")
    window = "x".join(str(n) for n in layer.pool_size)
    place = Place.at_line("layer", layer.name, type(layer).__name__, site.file, padding[0].lineno)
    pooled = (shape[0],) + (1,) * len(layer.pool_size) + (shape[-1],) if layer.data_format == "channels_last" \
        else shape[:2] + (1,) * len(layer.pool_size)
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"{type(layer).__name__} `{layer.name}` keeps its {format_shape(shape)} map: a {window} window over a {window} "
        f"map with stride 1 and padding=\"same\"",
        consumer=place, culprit=place, expected=format_shape(pooled), received=format_shape(tuple(layer.output.shape)),
        explanation=(f"`{layer.name}`'s window is as large as its whole input map ({window}), the size that reduces "
                     "each channel to one value. With stride 1 and `padding=\"same\"`, Keras pads the map and slides "
                     f"the window over every position, so the output keeps the {window} map, "
                     f"{format_shape(tuple(layer.output.shape))}, and every layer after it (a Flatten) gets "
                     f"{math.prod(layer.pool_size)} times the values. Nothing fails. "
                     '`padding="valid"` pools the map to one position, as the window size says.'),
        fixes=[fix])
