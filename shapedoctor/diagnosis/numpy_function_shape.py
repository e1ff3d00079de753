"""A layer whose ``call`` returns what ``tf.numpy_function`` made: a tensor of unknown shape.

``tf.numpy_function(fn, [images], tf.float32)`` runs NumPy inside the graph; TensorFlow cannot know the
shape ``fn`` will return, so the tensor has an unknown rank and Keras cannot infer the layer's output
("Could not automatically infer the output shape / dtype of 'median_denoise' ... as_list() is not defined
on an unknown TensorShape", tensorflow#59726, r696). The TensorFlow team's workaround: set the shape right
after the call, ``denoised.set_shape(images.shape)``.

Evidence, recorded and measured: the error is Keras's output-inference failure on an unknown shape, for a
layer whose ``call`` assigns one name from ``tf.numpy_function``/``tf.py_function`` of a list whose first
item is the call's input. The user's NumPy function is run on zeros of the input's shape (two samples):
when it returns that shape, the fix is ``<name>.set_shape(<input>.shape)``, else the measured shape with
the batch axis unknown. The line is inserted after the call, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_WRAPPERS = ("numpy_function", "py_function", "py_func")


def numpy_function_shape(exc: BaseException | None, recorder: Any) -> Any:
    """A new finding for a layer that returns a ``tf.numpy_function`` result of unknown shape, or None."""
    from shapedoctor.families import get
    from shapedoctor.diagnosis.reaim import reaimed
    from shapedoctor.report.model import Finding

    text = str(exc or "")
    if "Could not automatically infer the output shape" not in text or "unknown" not in text:
        return None
    family = get("SD107")
    blank = Finding(family.id, family.slug, family.severity, "", keras_message=text.strip().splitlines()[0])
    aimed = reaimed(blank, _found, _aim, recorder)
    return aimed if aimed.culprit is not None else None


def _found(recorder: Any):
    import inspect

    import numpy as np

    failure = getattr(recorder, "failure", None)
    if failure is None or not failure.call.args:
        return None
    layer = failure.call.layer
    method = getattr(type(layer), "call", None)
    try:
        path = inspect.getsourcefile(method)
        first = inspect.getsourcelines(method)[1]
    except (TypeError, OSError):
        return None
    from shapedoctor.trace.sites import is_user_file, source_tree

    if not path or not is_user_file(path):
        return None
    tree = source_tree(path)
    function = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "call"
                     and first in (f.lineno, *(d.lineno for d in f.decorator_list))), None)
    if function is None or len(function.args.args) < 2:
        return None
    given = function.args.args[1].arg
    made = [s for s in ast.walk(function) if isinstance(s, ast.Assign) and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Call)
            and isinstance(s.value.func, ast.Attribute) and s.value.func.attr in _WRAPPERS]
    if len(made) != 1:
        return None
    statement = made[0]
    args = statement.value.args
    if len(args) < 2 or not isinstance(args[0], ast.Name) or not isinstance(args[1], (ast.List, ast.Tuple)) \
            or not args[1].elts or not (isinstance(args[1].elts[0], ast.Name) and args[1].elts[0].id == given):
        return None
    fn = getattr(method, "__globals__", {}).get(args[0].id)
    shape = getattr(failure.call.args[0], "shape", None)
    if not callable(fn) or shape is None or any(d is None for d in tuple(shape)[1:]):
        return None
    sample = np.zeros((2,) + tuple(int(d) for d in tuple(shape)[1:]), dtype="float32")
    try:
        returned = np.asarray(fn(sample)).shape
    except Exception:  # noqa: BLE001 - a function we cannot run on zeros gives no evidence
        return None
    same = returned == sample.shape
    return path, statement, given, same, (None,) + tuple(returned[1:]), layer, failure.call.site


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, given, same, returned, layer, called = found
    name = statement.targets[0].id
    indent = linecache.getline(path, statement.lineno)[:statement.col_offset]
    shape = f"{given}.shape" if same else "[" + ", ".join("None" if d is None else str(d) for d in returned) + "]"
    code = f"{name}.set_shape({shape})"
    edit = TextEdit.insert_line(path, statement.end_lineno + 1, indent + code)
    fix = script_checked_fix(f"give the NumPy result its shape: {code}", code, display_path(path),
                             statement.end_lineno + 1, [edit], cost=1)
    function = statement.value.args[0].id
    finding.message = (f"`{layer.name}` returns the result of tf.{statement.value.func.attr}, whose shape "
                       "TensorFlow cannot know: Keras cannot infer the layer's output")
    finding.culprit = Place.at_line("layer", layer.name, type(layer).__name__, path, statement.lineno)
    if called is not None:
        finding.consumer = Place("layer", layer.name, type(layer).__name__, called.file, called.line, called.code)
    finding.explanation = (
        f"`tf.{statement.value.func.attr}` runs `{function}` as NumPy inside the graph; TensorFlow cannot "
        f"know what shape it will return, so `{name}` has an unknown rank and Keras cannot work out "
        f"`{layer.name}`'s output shape while it builds the model. Measured on zeros shaped like the layer's "
        f"input, `{function}` returns "
        + ("the same shape" if same else f"{returned} per batch") +
        f": say so with `{code}` after the call.")
    finding.fixes = [fix]
    return finding
