"""An input declaration read off a data array: ``input_shape=X.shape[1:]``, ``X[0].shape``.

When the user wrote the declared sample shape as an expression of one of their arrays, the
declaration is right by construction and the array is what lacks an axis (grayscale images
``(N, 28, 28)`` for a Conv2D, feature rows ``(N, 95)`` for a Conv1D) or is too small (24x24
thumbnails for a ``keras.applications`` model). The fix an expert writes changes the array
once, before the line that reads its shape, so the declaration follows by itself:
``X = np.expand_dims(X, -1)`` just before ``input_shape=X.shape[1:]``.

This module finds that array and the line reading it, from the source of the declaring line
(and, when the declaration is a name, the assignment that made the name).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from shapedoctor.trace.sites import source_tree

_SHAPE_KEYWORDS = ("input_shape", "shape", "batch_shape")


@dataclass(frozen=True)
class ReadFrom:
    """The array *var* whose sample shape the declaration is; *line* is where that shape is read."""

    var: str
    file: str
    line: int
    expr: str  # the user's expression, e.g. "X.shape[1:]"


def _sample_shape_of(node: ast.expr) -> str | None:
    """The array name of ``V.shape[1:]`` or ``V[0].shape`` (one sample's shape), else None."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape" \
            and isinstance(node.value.value, ast.Name) and isinstance(node.slice, ast.Slice) \
            and node.slice.upper is None and node.slice.step is None \
            and isinstance(node.slice.lower, ast.Constant) and node.slice.lower.value == 1:
        return node.value.value.id
    if isinstance(node, ast.Attribute) and node.attr == "shape" and isinstance(node.value, ast.Subscript) \
            and isinstance(node.value.value, ast.Name) and isinstance(node.value.slice, ast.Constant) \
            and node.value.slice.value == 0:
        return node.value.value.id
    return None


def _tree(file: str) -> ast.Module | None:
    try:
        return source_tree(file)
    except (SyntaxError, ValueError):
        return None


def read_from(file: str | None, line: int | None) -> ReadFrom | None:
    """The data array the input declaration on *line* of *file* was read from, if any."""
    if not file or not line:
        return None
    tree = _tree(file)
    if tree is None:
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno <= line <= (n.end_lineno or n.lineno)]
    values = [kw.value for call in calls for kw in call.keywords if kw.arg in _SHAPE_KEYWORDS]
    if len(values) != 1:
        return None
    value, at = values[0], line
    if isinstance(value, ast.Name):  # input_shape=input_shape, with `input_shape = X[0].shape` above
        assigned = [n for n in ast.walk(tree) if isinstance(n, ast.Assign) and n.lineno < line
                    and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == value.id]
        if not assigned:
            return None
        last = max(assigned, key=lambda n: n.lineno)
        value, at = last.value, last.lineno
    var = _sample_shape_of(value)
    if var is None:
        return None
    return ReadFrom(var, file, at, ast.unparse(value))


def declared_from(file: str | None, var: str) -> str | None:
    """The expression (``X.shape[1:]``) by which some input declaration of *file* reads the sample
    shape of the array *var*, if one does."""
    tree = _tree(file) if file else None
    if tree is None:
        return None
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        for kw in call.keywords:
            if kw.arg in _SHAPE_KEYWORDS:
                found = read_from(file, kw.value.lineno)
                if found is not None and found.var == var:
                    return found.expr
    return None
