"""An input declaration Keras cannot read as a shape: refused before any layer ran.

Two messages, both raised while the model's input is declared, so no layer call is recorded:

* ``Cannot convert '13' to a shape.`` (Keras 3's ``standardize_shape``): the declared shape is
  one integer, typically ``keras.Input(shape=(X_train.shape[1]))`` or ``input_shape=(784)``, where
  the parentheses only group and the trailing comma that makes a tuple is missing (Keras 2
  accepted an int; Keras 3 does not). The fix is that comma, written into the user's own
  expression: ``shape=(X_train.shape[1],)``.
* ``input_shape must be a tuple of three integers.`` (``keras.applications``): an image backbone
  declared with ``(height, width)`` only. The channel axis comes from the images the script holds
  (an array of shape ``(N, h, w)``: 1 channel, ``(N, h, w, c)``: c channels); without such an
  array, 3 (the RGB images these models are made for).

The site is the user's innermost line in the traceback; the declaration is read from that line's
source with ``ast`` (the ``shape=``/``input_shape=`` keyword). Each fix is checked by running the
patched script (only the script can rebuild the model), like the other build-time fixes of
``diagnosis/applications.py``.
"""

from __future__ import annotations

import ast
import linecache
import re

from shapedoctor.diagnosis.applications import input_finding
from shapedoctor.report.model import Finding, FixReport
from shapedoctor.trace.sites import source_tree

_NOT_A_SHAPE = re.compile(r"Cannot convert '(-?\d+)' to a shape\.")
_NOT_THREE = re.compile(r"`?input_shape`? must be a tuple of three integers")
_KEYWORDS = ("shape", "input_shape", "batch_shape")


def _keyword_at(site) -> ast.keyword | None:
    """The one ``shape=``/``input_shape=`` keyword of a call on the site's line, if exactly one."""
    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return None
    found = [kw for node in ast.walk(tree) if isinstance(node, ast.Call)
             and node.lineno <= site.line <= (node.end_lineno or node.lineno)
             for kw in node.keywords if kw.arg in _KEYWORDS]
    return found[0] if len(found) == 1 else None


def _span(site, value: ast.expr) -> tuple[int, int, int, int, str]:
    """(line, col, end_line, end_col, text) of a keyword's value, with the parentheses that only group
    it (``(X_train.shape[1])``: ``ast`` leaves them out of the node's span)."""
    start, end = value.col_offset, value.end_col_offset
    if value.lineno == value.end_lineno:
        line = linecache.getline(site.file, value.lineno)
        before, after = line[:start].rstrip(), line[end:].lstrip()
        if before.endswith("(") and after.startswith(")"):  # the keyword's value is the whole span
            start = len(before) - 1
            end = len(line) - len(after) + 1
        return value.lineno, start, value.end_lineno, end, line[start:end]
    text = ast.get_source_segment("".join(linecache.getlines(site.file)), value) or ""
    return value.lineno, start, value.end_lineno, end, text


def _proved_fix(title: str, site, kw: ast.keyword, new_text: str) -> FixReport:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    line, col, end_line, end_col, old = _span(site, kw.value)
    edit = TextEdit(site.file, line, col, end_line, end_col, new_text)
    code = site.code.replace(old, new_text, 1) if old and line == site.line else new_text
    return script_checked_fix(title, code, site.file, site.line, [edit])


def _int_shape(exc: BaseException, message: str, site) -> Finding | None:
    m = _NOT_A_SHAPE.search(message)
    kw = _keyword_at(site) if m else None
    if kw is None or isinstance(kw.value, (ast.Tuple, ast.List)):
        return None
    text = _span(site, kw.value)[4]
    size = m.group(1)
    finding = input_finding("SD101", f"the input shape was declared as the number {size}, not as a shape", site,
                            "input shape", message, size, f"({size},)")
    finding.explanation = (f"`{kw.arg}=` needs a tuple with one entry per axis of a sample. `{text}` is a single "
                           f"integer ({size}): parentheses alone only group an expression, it is the trailing comma "
                           f"that makes a one-element tuple. Keras 3 refuses an integer here (Keras 2 accepted it).")
    if text.startswith("(") and text.endswith(")"):
        new = text[:-1].rstrip() + ",)"
    else:
        new = f"({text},)"
    finding.fixes.append(_proved_fix(f"make the declared shape a one-element tuple: {kw.arg}={new}", site, kw, new))
    return finding


def _channels_from_data(exc: BaseException, height: int, width: int) -> int | None:
    """The channel count of the images the script holds at that size: (N, h, w) -> 1, (N, h, w, c) -> c."""
    from shapedoctor.diagnosis.engine import scope_data

    counts = set()
    for shape in scope_data(exc).values():
        if tuple(shape[1:3]) == (height, width) and len(shape) in (3, 4):
            counts.add(1 if len(shape) == 3 else shape[3])
    return counts.pop() if len(counts) == 1 else None


def _two_axis_image(exc: BaseException, message: str, site) -> Finding | None:
    if not _NOT_THREE.search(message):
        return None
    kw = _keyword_at(site)
    if kw is None or not isinstance(kw.value, ast.Tuple) or len(kw.value.elts) != 2:
        return None
    try:
        height, width = (ast.literal_eval(e) for e in kw.value.elts)
    except ValueError:
        height = width = None
    source = "".join(linecache.getlines(site.file))
    dims = [ast.get_source_segment(source, e) for e in kw.value.elts]
    channels = _channels_from_data(exc, height, width) if isinstance(height, int) and isinstance(width, int) else None
    finding = input_finding("SD101", f"the image model's input was declared with 2 axes {tuple(dims)}; it needs "
                            "(height, width, channels)", site, "input shape", message, f"({', '.join(dims)})",
                            f"({', '.join(dims)}, channels)")
    evidence = (f"the images the script holds have {channels} channel{'s' if channels != 1 else ''}"
                if channels else "these models are made for RGB images")
    channels = channels or 3
    finding.explanation = ("keras.applications models take images as (height, width, channels); the declaration "
                           f"gives no channel axis. Grayscale images have 1 channel, RGB 3; {evidence}.")
    new = f"({', '.join(dims)}, {channels})"
    finding.fixes.append(_proved_fix(f"declare the channel axis: {kw.arg}={new} ({evidence})", site, kw, new))
    return finding


def diagnose_declaration(exc: BaseException) -> Finding | None:
    """A Finding for an input declaration Keras refused to read as a shape, else None."""
    from shapedoctor.diagnosis.classify import keras_message
    from shapedoctor.repair.ranking import annotate
    from shapedoctor.trace.sites import site_from_traceback

    if not isinstance(exc, ValueError):
        return None
    site = site_from_traceback(exc.__traceback__)
    if site is None or not site.file:
        return None
    message = keras_message(exc)
    finding = _int_shape(exc, message, site) or _two_axis_image(exc, message, site)
    if finding is not None:
        annotate(finding)
    return finding
