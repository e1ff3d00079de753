"""One window given to ``predict`` without its batch axis, read by Keras as one-step samples.

Hands-On ML (chapter 15) forecasts several steps ahead from ``X = series[np.newaxis, :seq_length,
np.newaxis]``, one window of shape (1, 56, 1). Without the leading ``np.newaxis`` the window is (56, 1):
Keras 3 gives it the model's trailing axis of 1 and predicts 56 samples of one step each, and nothing
fails until the script reshapes the prediction it expected, one value: "cannot reshape array of size 56
into shape (1,1,1)" (r657).

Evidence, recorded and read: the error is NumPy's reshape of an array whose size is the number of samples
a ``predict`` on the failing line got (times the output's width), into a shape of one sample; that
``predict`` got a 2-D array for a model whose input has three axes (the last of size 1); the array is a
name the script binds at its top level, before the line, to a subscript with a tuple of indices. That
binding is the root cause; the fix puts ``np.newaxis`` first in its indices (a batch of one window),
proven by running the patched script.
"""

from __future__ import annotations

import ast
import math
from typing import Any


def window_without_batch(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the window made without its batch axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import numpy_reshape
    from shapedoctor.diagnosis.training_base import model_outputs
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import imported_names, source_tree

    failed = numpy_reshape(exc)
    if failed is None:
        return None
    size, target, frame, line = failed
    path = frame.f_code.co_filename
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.method == "predict" and c.site
             and c.site.line == line and c.error is None]
    if not calls or not isinstance(calls[-1].x_shapes, tuple) or len(calls[-1].x_shapes) != 2:
        return None
    call = calls[-1]
    inputs = list(getattr(call.model, "inputs", None) or [])
    outputs = model_outputs(call.model)
    if len(inputs) != 1 or len(tuple(inputs[0].shape)) != 3 or tuple(inputs[0].shape)[-1] != 1 or len(outputs) != 1:
        return None
    width = math.prod(d for d in outputs[0][1:] if isinstance(d, int)) or 1
    if size != call.x_shapes[0] * width or math.prod(target) != width:
        return None
    name = argument_name(call.site, 0, "x")
    tree = source_tree(path)
    made = [s for s in tree.body if isinstance(s, ast.Assign) and s.lineno < line and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name]
    value = made[-1].value if made else None
    if not (isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Tuple) and value.slice.elts
            and value.lineno == value.end_lineno):
        return None
    names = imported_names(tree)
    axis = "np.newaxis" if "np" in names else "None"
    return path, made[-1], value.slice.elts[0], axis, call.x_shapes


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, first, axis, shape = found
    edit = TextEdit(path, first.lineno, first.col_offset, first.lineno, first.col_offset, f"{axis}, ")
    fix = script_checked_fix(f"give the window its batch axis: {axis} first", edit.shown(), display_path(path),
                             statement.lineno, [edit], cost=1)
    family = get("SD201")
    finding.id, finding.family = family.id, family.slug
    finding.message = (f"one window {format_shape(shape)} given to predict without its batch axis: Keras reads it "
                       f"as {shape[0]} samples")
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", statement.targets[0].id, "data", path, statement.lineno)
    finding.explanation = (
        f"`{statement.targets[0].id}` is one window, {format_shape(shape)}, without its batch axis. The model "
        "takes (batch, steps, 1); Keras adds the missing last axis and reads the window as "
        f"{shape[0]} samples of one step each, so `predict` returns {shape[0]} forecasts, not one, and the "
        f"reshape that expected one fails. Put the batch axis first where the window is made: `{axis}, `.")
    finding.fixes = [fix]
    return finding
