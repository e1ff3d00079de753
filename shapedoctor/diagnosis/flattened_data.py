"""Images flattened by the script for a dense model, then given to a convolutional one: the flattening line.

A course's MNIST lab (r1015, jeremyfix/deeplearning-lectures#1) moves from a linear model to a CNN and
keeps ``X_train = X_train.reshape(num_train, img_rows * img_cols)``: the CNN declares
``Input(shape=(img_rows, img_cols, 1))`` and refuses ``(None, 784)``. The author's fix is that line,
``X_train.reshape(num_train, img_rows, img_cols, 1)``, and the same for ``X_test``. Inserting a reshape
at the ``fit`` leaves the test data flat; the flattening line is where the layout is chosen.

Evidence, recorded and read: the training call gets a name whose array is 2-D while the model's one input
declares three axes or more with the same number of values per sample; the name was last bound, one line,
by ``NAME.reshape(COUNT, SIZE)`` (or ``np.reshape(NAME, (COUNT, SIZE))``). That line is the root cause;
the fix writes the declared axes in its place (the factors of a product ``img_rows * img_cols`` kept as the
user wrote them, then the channel), on every line of the file that flattens an array with the same
``SIZE`` text (the test twin), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import math
from typing import Any


def flattened_data(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when the data was flattened by a reshape line of the script for a model
    that declares its unflattened axes (see the module), else None."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, source_tree

    if call.site is None or not call.site.file or call.method not in ("fit", "evaluate", "predict", "train_on_batch"):
        return None
    inputs = list(getattr(call.model, "inputs", None) or [])
    name = argument_node(call.site, 0, "x")
    if len(inputs) != 1 or not isinstance(name, ast.Name):
        return None
    declared = tuple(inputs[0].shape)
    given = getattr(call.names.get(name.id), "shape", None)
    if given is None or len(given) != 2 or len(declared) < 3 or None in declared[1:] \
            or math.prod(declared[1:]) != given[1]:
        return None
    path = call.site.file
    tree = source_tree(path)
    bound = last_assignment(enclosing_scope(tree, call.site.line), name.id, call.site.line)
    flat = _flattening(bound.value) if bound is not None else None
    if flat is None:
        return None
    _, size = flat
    new_axes = _axes_text(size, declared[1:], path)
    edits, shown = [], []
    for stmt in sorted(_twins(tree, size, path), key=lambda s: s.lineno):
        count, other_size = _flattening(stmt.value)
        text = linecache.getline(path, stmt.lineno).rstrip("\n")
        new = f"{text[count.col_offset:count.end_col_offset]}, {new_axes}"
        edits.append(_args_edit(path, stmt.value, count, other_size, new))
        shown.append(text[:count.col_offset] + new + text[other_size.end_col_offset:])
    if bound.lineno not in {e.start_line for e in edits}:
        return None
    fix = script_checked_fix(f"keep the images' axes where the data is reshaped: reshape(..., {new_axes})",
                             "\n".join(s.strip() for s in shown), display_path(path), bound.lineno, edits, cost=1)
    line = linecache.getline(path, bound.lineno).strip()
    place = Place("data", name.id, "data", display_path(path), bound.lineno, line)
    why = (f"`{name.id}` is flattened on line {bound.lineno} to {tuple(given)}, one row of {given[1]} values per "
           f"sample, as a dense model takes it; this model's input declares {declared}, the images' own axes. "
           "Reshape the data to those axes where it is flattened (the other arrays flattened the same way too).")
    return place, fix, why, True


def _flattening(value: ast.expr | None) -> tuple[ast.expr, ast.expr] | None:
    """(count, size) of ``A.reshape(count, size)``, ``A.reshape((count, size))`` or ``np.reshape(A, (count, size))``."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute) or value.func.attr != "reshape" \
            or value.keywords:
        return None
    args = list(value.args)
    if isinstance(value.func.value, ast.Name) and value.func.value.id in ("np", "numpy"):
        args = args[1:]  # np.reshape(A, shape)
    if len(args) == 1 and isinstance(args[0], ast.Tuple):
        args = list(args[0].elts)
    if len(args) != 2 or value.lineno != value.end_lineno:
        return None
    return args[0], args[1]


def _twins(tree: ast.Module, size: ast.expr, path: str) -> list[ast.Assign]:
    """The one-line ``NAME = ...reshape(COUNT, SIZE)`` statements of the file with the same SIZE text."""
    want = ast.unparse(size)
    found = []
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            flat = _flattening(stmt.value)
            if flat is not None and ast.unparse(flat[1]) == want and linecache.getline(path, stmt.lineno).isascii():
                found.append(stmt)
    return found


def _axes_text(size: ast.expr, axes: tuple, path: str) -> str:
    """The declared *axes* written with the factors of the user's product when they multiply to them
    (``img_rows * img_cols`` then ``1``), else as numbers."""
    factors = _factors(size)
    if factors is not None:
        texts = [ast.unparse(f) for f in factors]
        if len(texts) == len(axes):
            return ", ".join(texts)
        if len(texts) == len(axes) - 1 and axes[-1] == 1:
            return ", ".join(texts + ["1"])
    return ", ".join(str(a) for a in axes)


def _factors(node: ast.expr) -> list[ast.expr] | None:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        left, right = _factors(node.left), _factors(node.right)
        return (left or [node.left]) + (right or [node.right])
    return None


def _args_edit(path: str, call: ast.Call, first: ast.expr, last: ast.expr, text: str):
    from shapedoctor.patch.textedit import TextEdit

    return TextEdit(path, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset, text)
