"""A ``tf.data`` pipeline whose elements lost their shape in ``tf.numpy_function`` / ``tf.py_function``.

tensorflow/tensorflow#31373: ``ds.map(lambda i: tf.numpy_function(decode, [i], [tf.float32, tf.float32]))``
can run any Python, so TensorFlow cannot know the shape of what it returns; the elements have unknown
shape and rank, and ``fit`` fails in Keras's data adapter with ``as_list() is not defined on an unknown
TensorShape``, a message that names neither the dataset nor the map. The map's line is the root
cause; the fix, given in the thread, restores the static shapes right after it:
``ds = ds.map(lambda x, y: (tf.ensure_shape(x, [16]), tf.ensure_shape(y, [])))``.

Evidence, all read: the error's text; the training call got a ``tf.data`` dataset whose element spec
has a part of unknown rank; one statement of the script maps that dataset's variable through
``numpy_function``/``py_function`` (``V = V.map(...)`` or the chain that made it). The shapes written are
those of one element, read from the batch the call saw (each sample's shape); the fix is proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_LOST = ("as_list() is not defined on an unknown TensorShape", "shape with unknown rank")
_OPAQUE = {"numpy_function", "py_function", "py_func"}


def unknown_element_shape(exc: BaseException, recorder: Any):
    """A finding for a dataset whose elements have no static shape (see the module), or None."""
    try:
        return _finding(exc, recorder)
    except Exception:  # noqa: BLE001 - evidence only
        return None


def _finding(exc: BaseException, recorder: Any):
    if not any(text in str(exc) for text in _LOST):
        return None
    calls = list(getattr(recorder, "training_calls", None) or [])
    call = calls[-1] if calls else None
    if call is None or call.site is None or call.source != "dataset" or call.x_shapes is None:
        return None
    from shapedoctor.diagnosis.training_fixes import argument_name

    var = argument_name(call.site, 0, "x")
    if var is None:
        return None
    found = _opaque_map(call.site, var)
    if found is None:
        return None
    stmt, parts = found
    shapes = [call.x_shapes] + ([call.y_shapes] if call.y_shapes is not None else [])
    if len(parts) != len(shapes) or any(not isinstance(s, tuple) or not s for s in shapes):
        return None
    return _report(call, var, stmt, [list(s[1:]) for s in shapes], exc)


def _opaque_map(site: Any, var: str):
    """(statement, returned parts) of the top-level ``var = ... .map(... numpy_function(..., [T1, T2]) ...)``
    above the call, or None."""
    from shapedoctor.trace.sites import called_name

    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return None
    hits = []
    for stmt in tree.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
                and stmt.targets[0].id == var and stmt.end_lineno < site.line):
            continue
        maps = [n for n in ast.walk(stmt.value) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                and n.func.attr == "map"]
        for m in maps:
            opaque = [n for n in ast.walk(m) if isinstance(n, ast.Call) and called_name(n.func) in _OPAQUE]
            if len(opaque) == 1 and len(opaque[0].args) >= 3 and isinstance(opaque[0].args[2], (ast.List, ast.Tuple)):
                hits.append((stmt, opaque[0].args[2].elts))
    return hits[-1] if hits else None


def _report(call: Any, var: str, stmt: ast.Assign, shapes: list, exc: BaseException):
    from shapedoctor.diagnosis.classify import keras_message
    from shapedoctor.families import get
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Finding, Place
    from shapedoctor.repair.ranking import annotate
    from shapedoctor.trace.sites import display_path

    file = call.site.file
    text = linecache.getline(file, stmt.lineno)
    indent = text[: len(text) - len(text.lstrip())]
    names = ["x", "y", "w"][:len(shapes)]
    ensured = ", ".join(f"tf.ensure_shape({n}, {s})" for n, s in zip(names, shapes))
    code = f"{var} = {var}.map(lambda {', '.join(names)}: ({ensured}))"
    edit = TextEdit.insert_line(file, stmt.end_lineno + 1, indent + code)
    fix = script_checked_fix("give the elements their shapes back after the numpy function: tf.ensure_shape",
                             code, display_path(file), stmt.lineno, [edit], cost=1)
    where = Place("data", var, "data", display_path(file), stmt.lineno, text.strip())
    consumer = Place("call", call.method, type(call.model).__name__, display_path(file), call.site.line,
                     call.site.code)
    fam = get("SD201")
    finding = Finding(
        fam.id, fam.slug, fam.severity,
        f"the elements of `{var}` have no known shape: they come out of a numpy/Python function",
        consumer=consumer, culprit=where, expected=", ".join(str(tuple(s)) for s in shapes), received="unknown",
        explanation=(f"`{var}` is mapped through `tf.numpy_function`/`tf.py_function` on line {stmt.lineno}. "
                     "TensorFlow cannot see inside a Python function, so the elements it returns have no static "
                     "shape, not even a rank, and Keras cannot line them up with the model's input before training. "
                     "Each element really is " + " and ".join(str(tuple(s)) for s in shapes) + ": state those "
                     "shapes right after the map with `tf.ensure_shape` (or `set_shape` inside the mapped "
                     "function)."),
        fixes=[fix], keras_message=keras_message(exc))
    annotate(finding)
    return finding
