"""Statistics reduced over some axes without ``keepdims=True``, then combined with the tensor they came from.

keras-io's AdaIN computes each feature map's per-channel mean and standard deviation with
``ops.moments(x, axes=[1, 2], keepdims=True)`` and normalises ``(content - mean) / std``. Without
``keepdims`` the statistics are (batch, channels), which no longer line up with the (batch, h, w,
channels) maps: TensorFlow refuses ``[4,8,8,32] vs. [4,32]`` inside the custom ``train_step`` (r748), and
the error names a subtraction node, not the reduction that dropped the axes.

Evidence, read: the refused operands are a tensor and the same shape with some of its middle axes
removed (axes R); the line that failed (the user's innermost frame, or for a compiled step the user's
last line in TensorFlow's "defined at" trace) is in a function that reduces over exactly R
(``moments``/``mean``/``std``/``var``/``reduce_*`` with ``axes=``/``axis=`` a literal R, no ``keepdims``)
itself or through one helper it calls. That reduction is the root cause; the fix adds ``keepdims=True``,
proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

_REDUCTIONS = {"moments", "mean", "std", "var", "variance", "reduce_mean", "reduce_std", "reduce_variance",
               "reduce_sum", "reduce_max", "reduce_min", "sum", "max", "min", "logsumexp", "reduce_logsumexp"}
_DEFINED_AT = re.compile(r'File "([^"\n]{1,500})", line (\d{1,7}), in (\w{1,100})')


def reduced_without_keepdims(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the reduction that dropped the axes its result is combined over, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import two_shapes
    from shapedoctor.trace.sites import source_tree

    shapes = two_shapes(str(exc))
    if shapes is None:
        return None
    a, b = shapes
    if len(a) < len(b):
        a, b = b, a
    dropped = _dropped_axes(a, b)
    if not dropped:
        return None
    where = _failed_line(exc)
    if where is None:
        return None
    path, line = where
    tree = source_tree(path)
    functions = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
    around = [f for f in functions.values() if f.lineno < line <= f.end_lineno]
    if not around:
        return None
    owner = max(around, key=lambda f: f.lineno)
    reachable = [owner] + [functions[c.func.id] for c in ast.walk(owner) if isinstance(c, ast.Call)
                           and isinstance(c.func, ast.Name) and c.func.id in functions]
    found = {(c.lineno, c.col_offset): c for f in reachable for c in ast.walk(f)
             if isinstance(c, ast.Call) and _reduces_over(c, dropped, len(a)) and (f is not owner or _before(c, line))}
    if len(found) != 1:
        return None
    call = next(iter(found.values()))
    if call.lineno != call.end_lineno or not linecache.getline(path, call.lineno).isascii():
        return None
    return path, call, a, b, dropped


def _before(call: ast.Call, line: int) -> bool:
    """The reduction *call*, in the function that failed at *line*, can have made an operand of the failing
    operation: it comes before that line, or on it without the arithmetic inside its own arguments
    (``ops.mean(ops.square(y_true - y_pred), axis=-1)`` reduces what failed, it did not feed it)."""
    if call.lineno < line:
        return True
    return call.lineno == line and not any(isinstance(n, ast.BinOp) for arg in call.args for n in ast.walk(arg))


def _dropped_axes(a: tuple, b: tuple) -> tuple | None:
    """The axes of *a* that *b* lacks when *b* is *a* without them (the batch axis kept): middle axes, or the last
    one (a layer normalization's ``tf.nn.moments(X, axes=-1)``: ``[32,30] vs. [32]``, r1106)."""
    if len(a) - len(b) < 1 or len(b) < 1 or a[0] != b[0]:
        return None
    for drop in _subsets(range(1, len(a)), len(a) - len(b)):
        if tuple(d for i, d in enumerate(a) if i not in drop) == b:
            return drop
    return None


def _subsets(axes: range, k: int):
    from itertools import combinations

    return (tuple(c) for c in combinations(axes, k))


def _failed_line(exc: BaseException) -> tuple[str, int] | None:
    """The user's line that raised: TensorFlow's "defined at" trace of a compiled step (its last user
    line), else the innermost user frame of the traceback."""
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.trace.sites import is_user_file

    text = str(exc)
    if "defined at" in text:
        lines = [(f, int(n)) for f, n, _fn in _DEFINED_AT.findall(text.split("defined at", 1)[1]) if is_user_file(f)]
        if lines:
            return lines[-1]
    where = innermost_user_frame(exc)
    return (where[0].f_code.co_filename, where[1]) if where is not None else None


def _reduces_over(call: ast.Call, dropped: tuple, rank: int) -> bool:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
    if name not in _REDUCTIONS or any(k.arg in ("keepdims", "keep_dims") for k in call.keywords):
        return False
    axes = next((k.value for k in call.keywords if k.arg in ("axes", "axis")), call.args[1] if len(call.args) > 1 else None)
    try:
        value = ast.literal_eval(axes) if axes is not None else None
    except ValueError:
        return False
    value = (value,) if isinstance(value, int) else value
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, int) for v in value):
        return False
    return tuple(sorted(v % rank for v in value)) == tuple(sorted(dropped))


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, full, reduced, dropped = found
    text = linecache.getline(path, call.lineno)
    close = call.end_col_offset - 1  # the call's closing parenthesis
    edit = TextEdit(path, call.lineno, close, call.lineno, close, ", keepdims=True")
    fix = script_checked_fix("keep the reduced axes as size 1 so the statistics line up with the tensor: "
                             "keepdims=True", edit.shown(), display_path(path), call.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
    finding.culprit = Place("layer", name, "reduction", display_path(path), call.lineno, text.strip())
    finding.id, finding.family = "SD104", "merge-mismatch"  # an element-wise op, not labels against an output
    axes = ", ".join(str(d) for d in dropped)
    finding.message = (f"statistics reduced over axes {axes} without keepdims cannot be combined with the "
                       f"tensor they came from: {full} against {reduced}")
    last = len(full) - 1 in dropped
    finding.explanation = (
        f"The reduction on line {call.lineno} averages over axes {axes} and drops them, so its result is "
        f"{reduced}; combining it with the {full} tensor lines up the axes from the right, and "
        + ("the per-sample statistics meet the feature axis." if last else "the channels meet a spatial axis.")
        + " With `keepdims=True` the reduced axes stay as size 1 and broadcast over the tensor: "
        + ("one statistic per sample, applied to each of its features." if last else
           "one statistic per sample and channel, applied at every position."))
    finding.fixes = [fix]
    return finding
