"""``keras.applications`` models given images smaller than they accept.

``VGG16(input_shape=(16, 16, 3))`` raises inside Keras's own application code, before any
layer is called, so no layer failure is recorded. The root cause is the input size the user
wrote; the fix is the smallest size the model accepts (or resizing the images up to it).
The fix is checked by running the patched script (only the script can rebuild the model).
"""

from __future__ import annotations

import os
import re
import traceback

from shapedoctor.messages.keras3_layers import MIN_INPUT_SIZE
from shapedoctor.report.model import Finding, FixReport, PathStep, Place

# The applications' own size check, read by the one pattern the message readers use
# ("Input size must be at least 32x32; Received: input_shape=(28, 28, 3)"; groups: height, width, shape).
MIN_SIZE = MIN_INPUT_SIZE
_SHAPE_ARG = re.compile(r"input_shape\s*=\s*(\([^()]*\))")


def _raised_in_applications(exc: BaseException) -> bool:
    return any(f"{os.sep}applications{os.sep}" in frame.f_code.co_filename
               for frame, _line in traceback.walk_tb(exc.__traceback__))


def input_finding(fam_id: str, summary: str, site, label: str, message: str, received: str,
                  expected: str) -> Finding:
    """A Finding raised while the model's input was declared, before any layer ran: the user's
    declaration at *site* (None when unknown) is both consumer and culprit, called *label*."""
    from shapedoctor.families import get

    fam = get(fam_id)
    where = Place("input", None, label, site.file if site else None, site.line if site else None,
                  site.code if site else None)
    return Finding(fam.id, fam.slug, fam.severity, summary, consumer=where, culprit=where, expected=expected,
                   received=received, keras_message=message,
                   path=[PathStep("input", label, received, where.file, where.line, "culprit")])


def diagnose_application(exc: BaseException) -> Finding | None:
    """A Finding for an application refusing a too-small input, else None."""
    from shapedoctor.diagnosis.classify import keras_message
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import site_from_traceback

    message = keras_message(exc)
    m = MIN_SIZE.search(message)
    if m is None or m.group(3) is None or not _raised_in_applications(exc):
        return None
    height, width = int(m.group(1)), int(m.group(2))
    site = site_from_traceback(exc.__traceback__)
    finding = input_finding("SD105", f"the image model accepts inputs of at least {height}x{width}, it was given "
                            f"{m.group(3)}", site, "input_shape", message, m.group(3),
                            f"at least ({height}, {width}, channels)")
    finding.explanation = (f"This keras.applications model shrinks its input by a fixed factor (pooling and strided "
                           f"convolutions), so it refuses images smaller than {height}x{width}: the feature maps would "
                           "vanish. The input size is the cause: resize the images up to at least that size (e.g. "
                           f"`layers.Resizing({height}, {width})` or `tf.image.resize`) and declare it in `input_shape`.")
    resized = _resize_declared_data(exc, site, height, width)
    if resized is not None:
        finding.fixes.append(resized)
    arg = _SHAPE_ARG.search(site.code) if site else None
    if arg is not None:
        dims = [d.strip() for d in arg.group(1).strip("()").split(",") if d.strip()]
        if len(dims) == 3:
            new = f"({height}, {width}, {dims[2]})"
            raw = _raw_line(site)
            col = raw.find(arg.group(1)) if raw else -1
            edits = [TextEdit(site.file, site.line, col, site.line, col + len(arg.group(1)), new)] if col >= 0 else []
            finding.fixes.append(script_checked_fix(
                f"declare the smallest input the model accepts: input_shape={new} (resize the images to it)",
                site.code.replace(arg.group(1), new, 1), site.file, site.line, edits))
    from shapedoctor.repair.ranking import annotate

    annotate(finding)
    return finding


def _resize_declared_data(exc: BaseException, site, height: int, width: int) -> FixReport | None:
    """``input_shape=x.shape[1:]`` on images smaller than the model accepts: the declaration copies
    the images, so the images are what is too small. Resize them up before the line that reads
    their shape (the declaration follows): ``x = keras.ops.image.resize(x, (32, 32))``."""
    from shapedoctor.diagnosis.engine import scope_data
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, indentation
    from shapedoctor.repair.declared_from_data import read_from

    found = read_from(site.file, site.line) if site else None
    if found is None:
        return None
    shape = scope_data(exc).get(found.var)
    if shape is None or len(shape) != 4 or None in shape[1:3] or (shape[1] >= height and shape[2] >= width):
        return None
    size = (max(shape[1], height), max(shape[2], width))
    stmt = f"{found.var} = keras.ops.image.resize({found.var}, {size})"
    source = "".join(__import__("linecache").getlines(found.file))
    edits = [TextEdit.insert_line(found.file, found.line, indentation(source, found.line) + stmt)]
    return script_checked_fix(f"resize the images up to the smallest size the model accepts, before `{found.expr}` "
                              f"declares them: {size[0]}x{size[1]}", stmt, found.file, found.line, edits)


def _raw_line(site) -> str:
    import linecache

    return linecache.getline(site.file, site.line).rstrip("\n")
