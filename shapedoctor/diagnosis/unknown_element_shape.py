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

A dataset made by ``tf.data.Dataset.from_generator`` whose ``output_signature`` declares a part with
``tf.TensorSpec(shape=None)`` fails the same way (tensorflow#32912, r719: ``shape=(None)`` is not a
tuple either). That spec is the root cause; its shape becomes the batch axis left open followed by
what the model takes there: the model input's sample shape for the inputs; for the labels, nothing
more for a sparse cross-entropy (class ids), else the output's sample shape. Proven by running the
patched script.
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
        return _open_signature(call, var, exc)
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


def _open_signature(call: Any, var: str, exc: BaseException):
    """The finding for ``from_generator(..., output_signature=(spec, TensorSpec(shape=None)))`` (see the
    module), or None."""
    from shapedoctor.diagnosis.classify import keras_message
    from shapedoctor.diagnosis.training_base import loss_name, model_outputs
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Finding, Place
    from shapedoctor.repair.ranking import annotate
    from shapedoctor.trace.sites import called_name, display_path

    tree = source_tree(call.site.file)
    made = [s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and s.targets[0].id == var and s.end_lineno < call.site.line]
    generators = [n for n in ast.walk(made[-1].value) if isinstance(n, ast.Call)
                  and called_name(n.func) == "from_generator"] if made else []
    if len(generators) != 1:
        return None
    signature = next((k.value for k in generators[0].keywords if k.arg == "output_signature"), None)
    if not isinstance(signature, ast.Tuple) or len(signature.elts) not in (2, 3):
        return None
    opened = []
    for index, spec in enumerate(signature.elts[:2]):
        if not (isinstance(spec, ast.Call) and called_name(spec.func) == "TensorSpec"):
            return None
        shape = next((k.value for k in spec.keywords if k.arg == "shape"), spec.args[0] if spec.args else None)
        if isinstance(shape, ast.Constant) and shape.value is None and shape.lineno == shape.end_lineno:
            opened.append((index, shape))
    inputs, outputs = list(getattr(call.model, "inputs", None) or []), model_outputs(call.model)
    if len(opened) != 1 or len(inputs) != 1 or len(outputs) != 1:
        return None
    index, node = opened[0]
    sparse = "sparse" in (loss_name(call.loss) or "") if not isinstance(call.loss, (list, tuple, dict)) else False
    sample = tuple(inputs[0].shape[1:]) if index == 0 else (() if sparse else tuple(outputs[0][1:]))
    if not all(isinstance(d, int) for d in sample):
        return None
    written = format_shape((None,) + sample)
    file = call.site.file
    edit = TextEdit.replacing(file, node, written)
    part = "inputs" if index == 0 else "labels"
    fix = script_checked_fix(f"declare the {part}' shape in the signature: shape={written}, the batch axis left open",
                             edit.shown(), display_path(file), node.lineno, [edit], cost=1)
    where = Place.at_line("data" if index == 0 else "labels", var, "data", file, node.lineno)
    consumer = Place("call", call.method, type(call.model).__name__, display_path(file), call.site.line,
                     call.site.code)
    fam = get("SD201")
    finding = Finding(
        fam.id, fam.slug, fam.severity,
        f"the {part} of `{var}` have no known shape: its output_signature declares them with shape=None",
        consumer=consumer, culprit=where, expected=written, received="unknown",
        explanation=(f"`{var}` comes from `from_generator`, whose `output_signature` is all TensorFlow knows of the "
                     f"elements. `shape=None` declares the {part} with no shape at all, not even a rank (and "
                     "`shape=(None)` is the same None, not a tuple), so Keras cannot line them up with the model "
                     f"before training. Declare the shape each batch has, the batch axis left open: {written}."),
        fixes=[fix], keras_message=keras_message(exc))
    annotate(finding)
    return finding
