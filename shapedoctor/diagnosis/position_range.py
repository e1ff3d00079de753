"""Position indices counted to another length than the sequence they are added to.

keras-io's Behavior Sequence Transformer splits each window of ``sequence_length`` movies into the
watched ones and the target; the position embedding is looked up for the watched ones only:
``positions = ops.arange(start=0, stop=sequence_length - 1)``. Counting to ``sequence_length`` gives
one row more than there are movies, and ``watched + position_embedding(positions)`` cannot add a
(4, d) table to (None, 3, d) embeddings (r747). Keras names no layer; the sum is in the user's code.

Evidence, read: the error adds a batch of sequences (None, L, d) to a table without a batch axis (P, d),
L != P; the line that failed uses a name assigned in the same function (or module) from one
``arange``/``range`` call counting from 0 to an expression worth P. That count is the root cause; the
fix counts to L, spelled as the script spells the sequence's length in an ``Input(shape=...)`` when one
of them is worth L (``SEQ_LEN - 1``), else the number. It is proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_RANGES = {"arange", "range"}
_SAFE = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load, ast.Attribute,
         ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.USub)


def position_range(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the count of positions that differs from the sequence (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import innermost_user_frame, two_shapes
    from shapedoctor.trace.sites import source_tree

    shapes = two_shapes(str(exc))
    if shapes is None:
        return None
    a, b = shapes
    if len(a) != len(b) + 1:
        return None
    length, count = a[1] if len(a) > 1 else None, b[0] if b else None
    if not isinstance(length, int) or not isinstance(count, int) or length == count or a[2:] != b[1:]:
        return None
    where = innermost_user_frame(exc)
    if where is None:
        return None
    frame, line = where
    path = frame.f_code.co_filename
    tree = source_tree(path)
    scope = {**frame.f_globals, **frame.f_locals}
    used = {n.id for s in ast.walk(tree) if isinstance(s, ast.stmt) and getattr(s, "lineno", 0) == line
            for n in ast.walk(s) if isinstance(n, ast.Name)}
    body = _body_around(tree, line)
    counts = []
    for stmt in body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                and stmt.targets[0].id in used and stmt.lineno < line and isinstance(stmt.value, ast.Call):
            stop = _stop(stmt.value)
            if stop is not None and stop.lineno == stop.end_lineno and _value(stop, scope) == count:
                counts.append((stmt, stop))
    if len(counts) != 1:
        return None
    stmt, stop = counts[0]
    if not linecache.getline(path, stmt.lineno).isascii():
        return None
    return path, stmt, stop, _spelled(tree, path, length, scope), length, count


def _body_around(tree: ast.AST, line: int) -> list:
    """The statements of the innermost function holding *line*, or the module's."""
    around = [d for d in ast.walk(tree) if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef))
              and d.lineno < line <= d.end_lineno]
    owner = max(around, key=lambda d: d.lineno) if around else tree
    return list(ast.walk(owner)) if around else list(getattr(tree, "body", []))


def _stop(call: ast.Call) -> ast.expr | None:
    """The stop of ``arange(0, stop)`` / ``arange(stop)`` / ``arange(start=0, stop=...)`` / ``range(...)``."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
    if name not in _RANGES or any(k.arg not in ("start", "stop", "dtype") for k in call.keywords):
        return None
    keywords = {k.arg: k.value for k in call.keywords}
    args = list(call.args) + [v for k, v in keywords.items() if k in ("start", "stop")]
    if len(call.args) == 1 and not keywords.keys() & {"start", "stop"}:
        return call.args[0]
    start = keywords.get("start", call.args[0] if call.args else None)
    stop = keywords.get("stop", call.args[1] if len(call.args) > 1 else None)
    if len(args) != 2 or not isinstance(start, ast.Constant) or start.value != 0:
        return None
    return stop


def _value(node: ast.expr, scope: dict) -> Any:
    """The value of a small arithmetic expression over the script's names, or None."""
    if not all(isinstance(n, _SAFE) for n in ast.walk(node)):
        return None
    try:
        return eval(compile(ast.Expression(node), "<size>", "eval"), {"__builtins__": {}}, scope)  # noqa: S307
    except Exception:  # noqa: BLE001 - a name the frame does not hold: no value
        return None


def _spelled(tree: ast.AST, path: str, length: int, scope: dict) -> str:
    """How the script writes the sequence's length in an ``Input(shape=(...,))``, or the number."""
    for call in ast.walk(tree):
        name = call.func.attr if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) else \
            getattr(getattr(call, "func", None), "id", None)
        if not isinstance(call, ast.Call) or name not in ("Input", "InputLayer"):
            continue
        shape = next((k.value for k in call.keywords if k.arg == "shape"), call.args[0] if call.args else None)
        if isinstance(shape, (ast.Tuple, ast.List)) and shape.elts and not isinstance(shape.elts[0], ast.Constant) \
                and shape.elts[0].lineno == shape.elts[0].end_lineno and _value(shape.elts[0], scope) == length:
            element = shape.elts[0]
            return linecache.getline(path, element.lineno)[element.col_offset:element.end_col_offset]
    return str(length)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, stmt, stop, text, length, count = found
    old = linecache.getline(path, stop.lineno)[stop.col_offset:stop.end_col_offset]
    edit = TextEdit.replacing(path, stop, text)
    name = stmt.targets[0].id
    fix = script_checked_fix(f"count the positions of the {length} steps: `{name}` up to {text}", edit.shown(),
                             display_path(path), stop.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", name, "positions", path, stmt.lineno)
    finding.explanation = (
        f"`{name}` counts {count} positions (up to `{old}`), so the table looked up from it has {count} rows, "
        f"but the sequences it is added to have {length} steps: an element-wise sum pairs row k of the table "
        f"with step k of every sequence, so both must be {length} long. Count the positions to the sequence's "
        f"length: {text}.")
    finding.fixes = [fix]
    return finding
