"""Data a model refused, made by the line that stacks it or by a function of the module that returns it.

Two mistakes made where an array is put together, each named at that line:

* **Stacked on the wrong axis.** The TensorFlow SNGP tutorial's ``make_testing_data`` returns
  ``np.stack([xv.flatten(), yv.flatten()], axis=-1)``, one row of 2 coordinates per grid point. Stacked
  on axis 0 (numpy's default) it is ``(2, 400)``: two rows of 400 values, which a model built for 2
  features refuses. Evidence: the model got an array of shape ``(k, n)`` whose k is the number of
  arrays a ``stack`` call joined on axis 0, and the model takes k values on its last axis (its input
  expects ``(None, k)``). The fix stacks on the last axis, ``axis=-1``.
* **One sample without its batch axis.** The style-transfer tutorial's ``load_img`` returns
  ``img[tf.newaxis, :]``; returning ``img`` gives ``(h, w, 3)`` to a model that takes ``(None, None,
  None, 3)``. Evidence: the array has exactly one axis fewer than the model's input and fits it once a
  batch axis is put in front. The fix adds that axis where the image is returned.

The array passed to the model is followed to where it was made: its last one-line assignment above the
call, and when that assignment calls a function of the module, that function's one ``return``. Each fix
is proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def function_made_data(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line that stacked the data on the wrong axis, or that returned one sample
    without its batch axis (see the module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _found(exc: BaseException, finding: Any, recorder: Any):
    from shapedoctor.diagnosis.data_origin import last_assignment, one_return
    from shapedoctor.trace.recorder import shape_of

    failure = getattr(recorder, "failure", None)
    if finding is None or finding.culprit is None or finding.culprit.kind != "data" or failure is None \
            or not failure.stack:
        return None
    top = failure.stack[0]
    data = shape_of(top.args[0]) if top.args else None
    refused = shape_of(failure.call.args[0]) if failure.call.args else None
    want = _takes(top.layer) or (_takes(failure.call.layer) if refused == data else None)
    if data is None or want is None or top.site is None or not top.site.file:
        return None
    file, line = _real_file(top.site.file), top.site.line
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    arg = _first_argument(tree, line)
    if arg is None:
        return None
    made = last_assignment(tree, arg, line)
    if made is None:
        return None
    where, value = made, made.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        returned = one_return(tree, value.func.id)
        if returned is not None:
            where, value = returned, returned.value
    stack = _stack_on_axis_0(value, data, want)
    if stack is not None:
        return file, where, "stack", stack
    if len(data) == len(want) - 1 and all(w is None or w == d for w, d in zip(want[1:], data)) and \
            isinstance(where, ast.Return) and where.lineno == where.end_lineno:
        return file, where, "batch", value
    return None


def _takes(layer: Any) -> tuple | None:
    """The input shape *layer* takes: a model's one declared input, or a built Dense's (None, its kernel's
    rows); None when it says none (a subclassed model, several inputs)."""
    try:
        inputs = list(layer.inputs or [])
    except (AttributeError, ValueError, TypeError):
        inputs = []
    if len(inputs) == 1:
        return tuple(inputs[0].shape)
    kernel = getattr(layer, "kernel", None) if type(layer).__name__ == "Dense" else None
    shape = tuple(getattr(kernel, "shape", ()) or ())
    return (None, int(shape[0])) if len(shape) == 2 else None


def _real_file(path: str) -> str:
    import os

    return path if os.path.isabs(path) else os.path.abspath(path)


def _first_argument(tree: ast.Module, line: int) -> str | None:
    """The name passed first to the one call on *line* that passes a name first."""
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == line and c.args
             and isinstance(c.args[0], ast.Name)]
    return calls[0].args[0].id if len(calls) == 1 else None


def _stack_on_axis_0(value: ast.expr, data: tuple, want: tuple) -> ast.Call | None:
    """The ``stack([...k arrays...])`` call (axis 0 or none) in *value* that made (k, n) data for a model
    taking k values on its last axis, or None."""
    from shapedoctor.trace.sites import called_name

    if len(data) != 2 or len(want) != 2 or want[-1] != data[0] or data[0] == data[1]:
        return None
    for node in ast.walk(value):
        if not (isinstance(node, ast.Call) and called_name(node.func) == "stack" and node.args
                and isinstance(node.args[0], (ast.List, ast.Tuple)) and len(node.args[0].elts) == data[0]):
            continue
        axis = next((k.value for k in node.keywords if k.arg == "axis"), node.args[1] if len(node.args) > 1 else None)
        if axis is None or (isinstance(axis, ast.Constant) and axis.value == 0):
            return node
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, where, kind, node = found
    text = linecache.getline(file, node.lineno)
    if not text.isascii() or node.lineno != node.end_lineno:
        return finding
    if kind == "stack":
        axis = next((k.value for k in node.keywords if k.arg == "axis"), node.args[1] if len(node.args) > 1 else None)
        if axis is not None:
            edit = TextEdit.replacing(file, axis, "-1")
        else:
            end = node.end_col_offset - 1  # before the closing parenthesis
            edit = TextEdit(file, node.lineno, end, node.lineno, end, ", axis=-1")
        title = "stack on the last axis, one row per sample: axis=-1"
        why = (f"Line {node.lineno} stacks {len(node.args[0].elts)} arrays on axis 0, so they become rows and each "
               "of their values a column; the model takes one row per sample with those arrays side by side.")
    else:
        source = "".join(linecache.getlines(file))
        tf = "tf" in {(a.asname or a.name) for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import)
                      for a in n.names}
        segment = text[node.col_offset:node.end_col_offset]
        new = f"tf.expand_dims({segment}, 0)" if tf else f"np.expand_dims({segment}, 0)"
        edit = TextEdit.replacing(file, node, new)
        title = "return a batch of one: add the batch axis in front"
        why = (f"Line {node.lineno} returns one sample without the batch axis the model takes in front of its "
               "axes: return it as a batch of one.")
    fix = script_checked_fix(title, edit.shown(), display_path(file), node.lineno, [edit], cost=1)
    finding.culprit = Place("data", None, "data", display_path(file), where.lineno,
                            linecache.getline(file, where.lineno).strip())
    finding.fixes.insert(0, fix)
    finding.explanation = why + " " + (finding.explanation or "")
    return finding
