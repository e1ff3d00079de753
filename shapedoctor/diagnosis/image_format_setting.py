"""Channels-last images under a ``channels_first`` image data format set by the script.

Deep Learning with Python's first convnet (r620, the notebooks' issue #33): a (150, 150, 3) input, and a
Keras configuration left at ``image_data_format = "channels_first"``. Every Conv2D and pooling layer then
reads the 150 rows as channels and the 3 colour values as the width: the first 3x3 convolution leaves
a width of 1 and the 2x2 pooling after it has nothing to pool. Keras names the pooling layer; the
cause is the setting, and the fix is ``"channels_last"``.

Evidence, read, not guessed: the layer that refused works channels-first, the model's input is an
image declared channels-last (a last axis of 1, 3 or 4 after two axes of 8 or more), and the script
itself calls ``set_image_data_format("channels_first")``. That call is the culprit; the fix writes
``"channels_last"`` there and is proven by running the patched script; the layer edits a search finds
(``padding="same"``, a global pooling) keep the wrong reading of every image and are dropped.

An input of any size, ``Input(shape=(None, None, 1))``, fails earlier and in no words of shape: read
channels first, its channel axis is the unknown height, and the first convolution cannot size its kernel
(``TypeError: unsupported operand type(s) for %: 'NoneType' and 'int'``, bojone/Capsule #5, r917). When
that error comes from building a channels-first layer whose input has no channel count there (axis 1
unknown) while its last axis holds 1, 3 or 4 channels, the same setting is the culprit, with the same fix.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree


def channels_first_setting(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    try:
        return _reaimed(exc, finding, recorder) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(exc: BaseException, finding: Finding, recorder: Any) -> Finding | None:
    from shapedoctor.messages.shapes import parse_shape

    failure = getattr(recorder, "failure", None)
    layer = failure.call.layer if failure is not None else None
    if getattr(layer, "data_format", None) != "channels_first" or not finding.path:
        return None
    first = finding.path[0]
    shape = parse_shape(first.output_shape) if first.cls == "InputLayer" else None
    if shape is None or len(shape) != 4 or None in shape[1:] or shape[3] not in (1, 3, 4) \
            or min(shape[1], shape[2]) < 8:
        return None
    path = _script_path(exc, first.file)
    if path is None:
        return None
    # The layer edits the search found (padding="same", a global pooling) would keep the wrong reading of
    # every image: they are not offered beside the setting (_setting_fix keeps its fix alone).
    return _setting_fix(finding, path, shape, (
        f"The input is declared {tuple(shape[1:])}: an image of {shape[1]}x{shape[2]} pixels with {shape[3]} "
        f"channel{'s' if shape[3] > 1 else ''} last. But line {{line}} sets Keras's image data format to "
        f"channels_first, so every convolution and pooling layer reads the first axis, {shape[1]}, as the channels "
        f"and the last, {shape[3]}, as the width: the windows run out of pixels along it. Set the format to "
        "channels_last, as the images are."))


def channels_first_build_finding(exc: BaseException, recorder: Any) -> Finding | None:
    """The finding for a channels-first layer that could not build on a channels-last input of any size (see
    the module), or None."""
    try:
        return _build_finding(exc, recorder)
    except Exception as err:  # noqa: BLE001 - no finding: the generic path answers
        recorder.internal_errors.append(err)
        return None


def _build_finding(exc: BaseException, recorder: Any) -> Finding | None:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import display_path

    failure = getattr(recorder, "failure", None)
    record = failure.call if failure is not None else None
    layer = getattr(record, "layer", None)
    if not isinstance(exc, TypeError) or getattr(layer, "data_format", None) != "channels_first" or not record.args:
        return None
    shape = shape_of(record.args[0])
    if shape is None or len(shape) != 4 or shape[1] is not None or shape[3] not in (1, 3, 4):
        return None
    site = record.site
    if site is None:
        return None
    fam = get("SD107")
    place = Place("layer", layer.name, type(layer).__name__, site.file, site.line, site.code)
    finding = Finding(fam.id, fam.slug, "error",
                      f"{type(layer).__name__} `{layer.name}` could not build: read channels first, its input "
                      f"{format_shape(shape)} has no channel count", consumer=place, culprit=place,
                      expected="a defined channel axis", received=format_shape(shape),
                      explanation="", fixes=[], keras_message=str(exc).splitlines()[0] if str(exc) else None)
    path = _script_path(exc, site.file) or _script_path(exc, display_path(site.file))
    if path is None:
        return None
    return _setting_fix(finding, path, shape, (
        f"The input is {format_shape(shape)}: images of any size with {shape[3]} channel{'s' if shape[3] > 1 else ''} "
        "last. But line {line} sets Keras's image data format to channels_first, so `" + layer.name + "` reads the "
        "second axis, the unknown height, as the channels and cannot size its kernel. Set the format to "
        "channels_last, as the images are."))


def _setting_fix(finding: Finding, path: str, shape: tuple, why: str) -> Finding | None:
    """*finding* aimed at the script's one ``set_image_data_format("channels_first")``, fixed to channels_last."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, display_path

    try:
        tree = source_tree(path)
    except (SyntaxError, ValueError):
        return None
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) == "set_image_data_format"
             and c.args and isinstance(c.args[0], ast.Constant) and c.args[0].value == "channels_first"]
    if len(calls) != 1:
        return None
    arg = calls[0].args[0]
    old = linecache.getline(path, arg.lineno)[arg.col_offset:arg.end_col_offset]
    edit = TextEdit.replacing(path, arg, old.replace("channels_first", "channels_last"))
    finding.culprit = Place("layer", "image_data_format", None, display_path(path), arg.lineno,
                            linecache.getline(path, arg.lineno).strip())
    finding.clear_culprit_marks()
    finding.explanation = why.format(line=arg.lineno) + (" " + finding.explanation if finding.explanation else "")
    finding.fixes = [script_checked_fix('set the image data format to "channels_last"', edit.shown(),
                                        display_path(path), arg.lineno, [edit])]
    return finding


def _script_path(exc: BaseException, shown: str | None) -> str | None:
    """The real path of the user's file whose lines the finding shows."""
    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.trace.sites import display_path

    return next((name for name in user_files(exc) if display_path(name) == shown), None)
