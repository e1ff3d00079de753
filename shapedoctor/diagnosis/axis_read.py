"""A custom layer that reads an axis its input does not have: ``IndexError: tuple index out of range``.

A layer written for sequences reads its input's third axis in ``build`` (``hidden = input_shape[2]``)
or ``call`` (``x.shape[2]``). Given a 2-D ``(None, 32)`` tensor (a Dense or a Flatten upstream
dropped the time axis), Python raises an IndexError, which names neither a layer nor a shape. The
rank the layer needs follows from the index its own line read: ``input_shape[2]`` needs at least 3
axes, ``input_shape[-3]`` too. That is the rule a Keras ``InputSpec(min_ndim=3)`` would have stated,
so the error is told in Keras's own words (:func:`rank_message`) and diagnosed as a wrong rank; the
shown Keras message stays Python's.

Only a layer that is not Keras's own, only the innermost frame of its own methods, and only a
subscript (a constant index) of a name or a ``.shape`` whose value, read from that frame, is shorter
than the index: no other IndexError is taken for a shape problem.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def rank_message(failure: Any) -> str | None:
    """Keras's wording of the rank the failing custom layer's own line needed, or None."""
    exc = failure.exception
    layer = failure.call.layer
    if not isinstance(exc, IndexError) or type(layer).__module__.split(".")[0] in ("keras", "tensorflow", "tf_keras"):
        return None
    from shapedoctor.diagnosis.layer_own_code import own_frame

    found = own_frame(failure)
    if found is None:
        return None
    frame, line = found
    need = _needed_axes(linecache.getline(frame.f_code.co_filename, line), frame.f_locals)
    if need is None:
        return None
    need, have, shape = need
    shown = "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"
    return (f'Input 0 of layer "{layer.name}" is incompatible with the layer: expected min_ndim={need}, '
            f"found ndim={have}. Full shape received: {shown}")


def _needed_axes(text: str, names: dict) -> tuple[int, int, tuple] | None:
    """(axes needed, axes there, the shape) for the first subscript on *text* past its value's end."""
    try:
        tree = ast.parse(text.strip())
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Subscript):
            continue
        index = _constant_index(node.slice)
        shape = _shape_value(node.value, names)
        if index is None or shape is None:
            continue
        need = index + 1 if index >= 0 else -index
        if need > len(shape):
            return need, len(shape), shape
    return None


def _constant_index(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant_index(node.operand)
        return -inner if inner is not None and inner > 0 else None
    return None


def _shape_value(node: ast.AST, names: dict) -> tuple | None:
    """The shape *node* (``input_shape`` or ``x.shape``) holds in the frame's locals, or None."""
    value: Any = None
    if isinstance(node, ast.Name):
        value = names.get(node.id)
    elif isinstance(node, ast.Attribute) and node.attr == "shape" and isinstance(node.value, ast.Name):
        value = getattr(names.get(node.value.id), "shape", None)
    if value is None or isinstance(value, (str, bytes, dict)):
        return None
    try:
        dims = tuple(value)
    except TypeError:
        return None
    if not all(d is None or isinstance(d, int) or type(d).__name__ == "Dimension" for d in dims):
        return None
    return tuple(getattr(d, "value", d) for d in dims)
