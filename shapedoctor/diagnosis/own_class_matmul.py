"""A layer written from scratch (a plain class holding its weight matrix) made with the wrong input size.

Deep Learning with Python, chapter 2, builds ``NaiveDense(input_size, output_size)`` whose ``__call__``
computes ``ops.matmul(inputs, self.W)`` with ``self.W`` of shape ``(input_size, output_size)``. The second
layer written ``NaiveDense(input_size=28 * 28, output_size=10)`` after a 512-unit layer fails in its
matmul: ``In[0]: [128,512], In[1]: [784,10]``. The matmul line is in the class, which is right; the
cause is the line that made this instance.

Evidence, read: the error names the two operands of a matrix product; the innermost frame of the user's
code is a method of a class of the user's own (not a Keras layer) whose ``self`` holds a weight of the
right operand's shape, made in ``__init__`` from two of its parameters (``shape=(input_size,
output_size)``); exactly one call in the script that makes that class passes values that give that
shape. That call is the cause, and the fix gives its input size the left operand's width, proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import operator
import re
import traceback
from typing import Any
from shapedoctor.trace.sites import source_tree

_OPERANDS = re.compile(r"In\[0\]: \[(\d+),(\d+)\], In\[1\]: \[(\d+),(\d+)\]")
_ARITH = {ast.Mult: operator.mul, ast.Add: operator.add, ast.Sub: operator.sub, ast.FloorDiv: operator.floordiv}


def own_class_matmul(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the call that made the hand-written layer with the wrong input size, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import keras

    from shapedoctor.trace.sites import is_user_file

    match = _OPERANDS.search(str(exc))
    if match is None:
        return None
    _rows, width, inner, cols = (int(v) for v in match.groups())
    frames = [f for f, _ in traceback.walk_tb(exc.__traceback__) if is_user_file(f.f_code.co_filename)]
    obj = frames[-1].f_locals.get("self") if frames else None
    if obj is None or isinstance(obj, keras.layers.Layer) or width == inner:
        return None
    weights = [name for name, value in vars(obj).items() if tuple(getattr(value, "shape", ()) or ()) == (inner, cols)]
    cls = type(obj)
    file = frames[-1].f_code.co_filename
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    klass = next((c for c in tree.body if isinstance(c, ast.ClassDef) and c.name == cls.__name__), None)
    init = next((f for f in klass.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None) if klass else None
    if len(weights) != 1 or init is None:
        return None
    params = [a.arg for a in init.args.args][1:]
    shape = _shape_params(init, weights[0], params)
    if shape is None:
        return None
    names = getattr(recorder, "module_globals", None) or frames[-1].f_globals  # the module's names as it failed
    made = []
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                 and n.func.id == cls.__name__):
        given = {p: (next((k.value for k in call.keywords if k.arg == p), None)
                     or (call.args[params.index(p)] if params.index(p) < len(call.args) else None)) for p in shape}
        if all(given[p] is not None for p in shape) and \
                (_value(given[shape[0]], names), _value(given[shape[1]], names)) == (inner, cols):
            made.append((call, given[shape[0]]))
    if len(made) != 1:
        return None
    call, arg = made[0]
    return file, call, arg, shape[0], width, cls.__name__


def _shape_params(init: ast.FunctionDef, attr: str, params: list[str]) -> tuple[str, str] | None:
    """The two ``__init__`` parameters the weight *attr* is shaped by (``shape=(input_size, output_size)``)."""
    for stmt in ast.walk(init):
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute)
                and stmt.targets[0].attr == attr and isinstance(stmt.value, ast.Call)):
            continue
        for node in ast.walk(stmt.value):
            if isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(
                    isinstance(e, ast.Name) and e.id in params for e in node.elts):
                return node.elts[0].id, node.elts[1].id
    return None


def _value(node: ast.expr, names: dict) -> int | None:
    """An integer written with literals, module names and + - * // (``28 * 28``), or None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name) and isinstance(names.get(node.id), int):
        return names[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITH:
        left, right = _value(node.left, names), _value(node.right, names)
        return None if left is None or right is None else _ARITH[type(node.op)](left, right)
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, call, arg, param, width, cls = found
    if arg.lineno != arg.end_lineno or not linecache.getline(file, arg.lineno).isascii():
        return finding
    edit = TextEdit.replacing(file, arg, str(width))
    fix = script_checked_fix(f"make this {cls} for the {width} values it receives: {param}={width}", edit.shown(),
                             display_path(file), arg.lineno, [edit], cost=1)
    finding.culprit = Place("layer", cls, cls, display_path(file), call.lineno,
                            linecache.getline(file, call.lineno).strip())
    finding.fixes = [fix]
    why = (f"The {cls} made on line {call.lineno} holds a weight matrix for {param}="
           f"{linecache.getline(file, arg.lineno)[arg.col_offset:arg.end_col_offset]} inputs, but the layer "
           f"before it gives {width} values per sample: make it with {param}={width}.")
    finding.explanation = why + " " + (finding.explanation or "")
    return finding
