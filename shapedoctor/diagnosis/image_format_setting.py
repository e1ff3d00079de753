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
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, display_path

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
    code = linecache.getline(path, arg.lineno).strip()
    finding.culprit = Place("layer", "image_data_format", None, display_path(path), arg.lineno, code)
    finding.clear_culprit_marks()
    finding.explanation = (
        f"The input is declared {tuple(shape[1:])}: an image of {shape[1]}x{shape[2]} pixels with {shape[3]} "
        f"channel{'s' if shape[3] > 1 else ''} last. But line {arg.lineno} sets Keras's image data format to "
        f"channels_first, so every convolution and pooling layer reads the first axis, {shape[1]}, as the channels "
        f"and the last, {shape[3]}, as the width: the windows run out of pixels along it. Set the format to "
        "channels_last, as the images are. " + (finding.explanation or ""))
    # The layer edits the search found (padding="same", a global pooling) would keep the wrong reading of
    # every image: they are not offered beside the setting.
    finding.fixes = [script_checked_fix('set the image data format to "channels_last"', edit.shown(),
                                        display_path(path), arg.lineno, [edit])]
    return finding


def _script_path(exc: BaseException, shown: str | None) -> str | None:
    """The real path of the user's file whose lines the finding shows."""
    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.trace.sites import display_path

    return next((name for name in user_files(exc) if display_path(name) == shown), None)
