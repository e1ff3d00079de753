"""A layer written from scratch created its kernel with the axes swapped: the ``add_weight`` line.

Deep Learning with Python's ``SimpleDense`` makes its kernel in ``build`` as ``(input_dim,
units)`` so that ``matmul(inputs, W)`` maps ``(batch, input_dim)`` to ``(batch, units)``. Written as
``(units, input_dim)``, the first call fails inside the layer's ``call`` ("Matrix size-incompatible:
In[0]: [2,784], In[1]: [32,784]"), and Keras names the layer as refusing its input. The input is
right: the layer's own weight is laid out wrong, so the line that created it is the root cause.

Evidence, read, not guessed: the op that failed is a matrix product; the layer holds (as an
attribute) a 2-D weight whose *second* axis is the input's width and whose first is not; the
layer's class creates that attribute with ``self.<name> = self.add_weight(shape=(a, b), ...)`` on
one line. The fix swaps the two sizes there; no model of such a layer can be replayed from its
config, so the patched script is what verifies it (``needs_proof``).

A kernel whose first axis is k times the input's width was made for k tensors joined on the feature
axis (the Keras antirectifier: relu(x) and relu(-x) joined, then a (2 * dim, dim) kernel). When the
layer's ``call`` joins k tensors along axis 0 (``tf.concat([pos, neg], axis=0)``, the batch axis), the
product gets batch * k rows of the old width: that join is the root cause, ``axis=-1`` its fix
(:func:`batch_axis_join`), proven by running the patched script.
"""

from __future__ import annotations

import ast
import inspect
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def swapped_kernel(ctx: Any, failure: Any):
    """(root-cause Place, fix) for a custom layer's kernel made (units, input width), or None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    found = _product_in_own_layer(ctx, failure)
    if found is None:
        return None
    layer, width, owned, file, _call = found
    kernels = [name for name, value in owned.items() if _weight_shape(value) is not None
               and len(_weight_shape(value)) == 2 and _weight_shape(value)[1] == width
               and _weight_shape(value)[0] != width]
    if len(kernels) != 1:
        return None
    name = kernels[0]
    found = _made_at(file, type(layer).__name__, name)
    if found is None:
        return None
    line, shape = found
    text = linecache.getline(file, line)
    if not text.isascii():
        return None
    first, second = shape.elts
    a, b = text[first.col_offset:first.end_col_offset], text[second.col_offset:second.end_col_offset]
    swapped = b + text[first.end_col_offset:second.col_offset] + a
    new = text[:first.col_offset] + swapped + text[second.end_col_offset:]
    edit = TextEdit(file, line, first.col_offset, line, second.end_col_offset, swapped)
    fix = script_checked_fix(f"create `{name}` as (input width, units), as matmul(inputs, {name}) reads it: "
                             f"shape=({b}, {a})", new.strip(), display_path(file), line, [edit], cost=1)
    place = Place("layer", getattr(layer, "name", None), type(layer).__name__, display_path(file), line, text.strip())
    return place, fix


def batch_axis_join(ctx: Any, failure: Any):
    """(root-cause Place, fix) for a custom layer that joins k tensors on the batch axis before a kernel
    made for k times the input's width (see the module), or None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path

    found = _product_in_own_layer(ctx, failure)
    if found is None or found[4] is None:
        return None
    layer, width, owned, file, call = found
    rows = {_weight_shape(v)[0] for v in owned.values() if _weight_shape(v) is not None and len(_weight_shape(v)) == 2}
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    first = call.__code__.co_firstlineno
    method = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.lineno <= first
                   and f.name == "call" and (f.end_lineno or f.lineno) >= first), None)
    if method is None:
        return None
    joins = []
    for node in ast.walk(method):
        if not (isinstance(node, ast.Call) and called_name(node.func) in ("concat", "concatenate") and node.args
                and isinstance(node.args[0], (ast.List, ast.Tuple))):
            continue
        axis = next((k.value for k in node.keywords if k.arg == "axis"), node.args[1] if len(node.args) > 1 else None)
        if isinstance(axis, ast.Constant) and axis.value == 0 and len(node.args[0].elts) * width in rows:
            joins.append(axis)
    if len(joins) != 1 or joins[0].lineno != joins[0].end_lineno:
        return None
    axis = joins[0]
    text = linecache.getline(file, axis.lineno)
    if not text.isascii():
        return None
    new = text[:axis.col_offset] + "-1" + text[axis.end_col_offset:]
    edit = TextEdit(file, axis.lineno, axis.col_offset, axis.lineno, axis.end_col_offset, "-1")
    fix = script_checked_fix("join on the feature axis, as the kernel expects: axis=-1", new.strip(),
                             display_path(file), axis.lineno, [edit], cost=1)
    place = Place("layer", getattr(layer, "name", None), type(layer).__name__, display_path(file), axis.lineno,
                  text.strip())
    return place, fix


def _product_in_own_layer(ctx: Any, failure: Any):
    """(layer, its input width, its attributes, the file of its class's methods, its ``call`` function or
    None) when a matrix product failed inside a layer class of the user's own, else None."""
    from shapedoctor.trace.sites import is_user_file

    message = (ctx.message or "").lower()
    if "matmul" not in message and "matrix size-incompatible" not in message and "dot" not in message:
        return None
    layer = failure.call.layer
    got = ctx.shape_in()
    if not got or not isinstance(got[-1], int):
        return None
    try:
        owned = dict(vars(layer))
        methods = [v for v in vars(type(layer)).values() if inspect.isfunction(v)]
        call = vars(type(layer)).get("call")
    except (TypeError, OSError):
        return None
    # The file of the class's own methods (a script run as __main__ is not its module's file).
    file = methods[0].__code__.co_filename if methods else None
    if not file or not is_user_file(file):
        return None
    return layer, got[-1], owned, file, call if inspect.isfunction(call) else None


def _weight_shape(value: Any) -> tuple | None:
    try:
        import keras

        if isinstance(value, keras.Variable):
            return tuple(value.shape)
    except Exception:  # noqa: BLE001 - not a variable
        return None
    return None


def _made_at(file: str, cls: str, attribute: str) -> tuple[int, ast.Tuple] | None:
    """(line, the shape tuple) of ``self.<attribute> = self.add_weight(shape=(a, b), ...)`` in class *cls*,
    written on one line; None when the class makes it otherwise or more than once."""
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    classes = [c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name == cls]
    if len(classes) != 1:
        return None
    made = []
    for node in ast.walk(classes[0]):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target, value = node.targets[0], node.value
        if not (isinstance(target, ast.Attribute) and target.attr == attribute and isinstance(target.value, ast.Name)
                and target.value.id == "self" and isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute) and value.func.attr == "add_weight"):
            continue
        shape = next((k.value for k in value.keywords if k.arg == "shape"), value.args[0] if value.args else None)
        if isinstance(shape, (ast.Tuple, ast.List)) and len(shape.elts) == 2 and shape.lineno == shape.end_lineno \
                and not any(isinstance(e, ast.Starred) for e in shape.elts):
            made.append((shape.lineno, shape))
    return made[0] if len(made) == 1 else None
