"""A tensor split along the wrong axis in the user's own layer code: the split, on the last axis.

keras-io's gMLP spatial gating unit splits the channel projection into two halves, ``u, v =
ops.split(x, 2, axis=-1)``, projects ``v`` across the patches and gates ``u`` with it. Split on ``axis=1``,
the patch axis, ``u`` has half the patches and the gate ``u * v_projected`` fails ("Dimensions must be
equal, but are 32 and 64", r1062). Keras names the layer; the cause is the split.

Evidence, read: the error names two sizes, one twice the other; the innermost user frame (the layer's
``call`` or a method it calls) holds exactly one two-way ``split`` (``ops.split``/``tf.split``/``np.split``)
above the failing line, given a constant axis that is not the last. The fix splits along the last axis
(the features, where a gated unit's two halves live), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

_TWO = re.compile(r"Dimensions must be equal, but are (\d+) and (\d+)")


def split_axis(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the split along the wrong axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.trace.sites import called_name, source_tree

    match = _TWO.search(str(exc))
    if match is None or exc.__traceback__ is None:
        return None
    a, b = int(match.group(1)), int(match.group(2))
    if not (a == 2 * b or b == 2 * a):
        return None
    innermost = innermost_user_frame(exc)
    if innermost is None:
        return None
    frame, line = innermost
    file = frame.f_code.co_filename
    tree = source_tree(file)
    function = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.lineno == frame.f_code.co_firstlineno]
    if len(function) != 1:
        return None
    splits = [c for c in ast.walk(function[0]) if isinstance(c, ast.Call) and called_name(c.func) == "split"
              and c.lineno < line and c.lineno == c.end_lineno]
    if len(splits) != 1:
        return None
    split = splits[0]
    sections = split.args[1] if len(split.args) > 1 else next(
        (k.value for k in split.keywords if k.arg in ("indices_or_sections", "num_or_size_splits")), None)
    axis = split.args[2] if len(split.args) > 2 else next((k.value for k in split.keywords if k.arg == "axis"), None)
    if not (isinstance(sections, ast.Constant) and sections.value == 2) or not isinstance(axis, ast.Constant) \
            or type(axis.value) is not int or axis.value == -1:
        return None
    return file, split, axis


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place

    file, split, axis = found
    if not linecache.getline(file, split.lineno).isascii():
        return finding
    edit = TextEdit.replacing(file, axis, "-1")
    from shapedoctor.trace.sites import display_path

    fix = script_checked_fix("split the features, the last axis: axis=-1", edit.shown(), display_path(file),
                             split.lineno, [edit])
    finding.culprit = Place.at_line("layer", "split", None, file, split.lineno)
    finding.fixes = [fix]
    finding.explanation = (f"Line {split.lineno} splits the tensor in two along axis {axis.value}; the halves are then "
                           "combined with tensors that keep that axis whole, so one operand has half its size "
                           "there. A gated unit splits its features, the last axis, in two.")
    return finding
