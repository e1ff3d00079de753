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

Inside a layer's ``call`` the count is usually the table's size: ``x = ops.arange(self.max_length)[None, :]``,
``x = self.pos_embedding(x)``, ``return seq + x`` (TensorFlow's image-captioning tutorial, r957: captions
padded to 28 tokens against 50 positions, "Dimensions must be equal, but are 28 and 50"). There the
evidence is read from the frame that raised (:func:`_in_layer`): the failing line adds two names whose
values differ on one axis only; the odd one's assignments reach back (through lookups and ``[None, :]``)
to one ``arange``/``range`` whose bound is worth the odd length; the other name is bound before that
count. The length differs from batch to batch, so the fix counts the other name's positions,
``keras.ops.arange(keras.ops.shape(seq)[1])``, with the module the count was made with; ``max_length``
keeps sizing the table. Proven by running the patched script.
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
    return reaimed(finding, _either, _aim_either, exc)


def _either(exc: BaseException):
    """(the aim, its evidence) of the table's count, else of a layer's count, or None."""
    table = _found(exc)
    if table is not None:
        return _aim, table
    counted = _in_layer(exc)
    return (_aim_in_layer, counted) if counted is not None else None


def _aim_either(finding: Any, found: Any) -> Any:
    aim, evidence = found
    return aim(finding, evidence)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import two_shapes

    shapes = two_shapes(str(exc))
    if shapes is None:
        return None
    a, b = shapes
    if len(a) != len(b) + 1:
        return None
    length, count = a[1] if len(a) > 1 else None, b[0] if b else None
    if not isinstance(length, int) or not isinstance(count, int) or length == count or a[2:] != b[1:]:
        return None
    raised = _raising_code(exc)
    if raised is None:
        return None
    frame, line, path, tree = raised
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


def _raising_code(exc: BaseException):
    """(the user's innermost frame in *exc*'s traceback, its line, its file, the file's tree), or None."""
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.trace.sites import source_tree

    where = innermost_user_frame(exc)
    if where is None:
        return None
    frame, line = where
    return frame, line, frame.f_code.co_filename, source_tree(frame.f_code.co_filename)


def _body_around(tree: ast.AST, line: int) -> list:
    """The statements of the innermost function holding *line*, or the module's."""
    owner = _function_at(tree, line)
    return list(ast.walk(owner)) if owner is not None else list(getattr(tree, "body", []))


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


_ADDS = ("add",)


def _in_layer(exc: BaseException):
    """(file, the arange call, its bound, the edit, the fixed line, odd, other lengths, names), or None."""
    from shapedoctor.patch.textedit import TextEdit

    raised = _raising_code(exc)
    if raised is None:
        return None
    frame, line, path, tree = raised
    function = _function_at(tree, line, frame.f_code.co_name)
    if function is None:
        return None
    operands = _added_names(function, line)  # the odd length is read from the values, not the text
    if operands is None:
        return None
    shapes = {name: _shape(frame.f_locals.get(name)) for name in operands}
    if any(s is None for s in shapes.values()):
        return None
    (a, sa), (b, sb) = shapes.items()
    if len(sa) != len(sb):
        return None
    axes = [k for k in range(len(sa)) if sa[k] != sb[k] and sa[k] != 1 and sb[k] != 1]
    if len(axes) != 1:
        return None
    axis = axes[0]
    for odd, other in ((a, b), (b, a)):
        made = _counted(function, odd, line, shapes[odd][axis], frame)
        if made is None or not _bound_before(function, other, made.lineno):
            continue
        call, bound, module = made, made.bound, made.module
        text = f"{module}.shape({other})[{axis}]" if module else f"{other}.shape[{axis}]"
        edit = TextEdit.replacing(path, bound, text)
        if call.lineno != call.end_lineno:
            return None
        raw = linecache.getline(path, call.lineno)
        if not raw.isascii():  # ast's columns count bytes
            return None
        fixed = raw[:edit.start_col] + text + raw[edit.end_col:]
        return path, call, edit, fixed.strip(), shapes[odd][axis], shapes[other][axis], odd, other, \
            raw[bound.col_offset:bound.end_col_offset]
    return None


class _Counted:
    def __init__(self, call: ast.Call, bound: ast.expr, module: str | None):
        self.call, self.bound, self.module = call, bound, module
        self.lineno, self.end_lineno = call.lineno, call.end_lineno


def _function_at(tree: ast.AST, line: int, name: str | None = None):
    """The innermost function (named *name*, when given) whose body holds *line*, or None."""
    found = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
             and (name is None or n.name == name) and n.lineno < line <= (n.end_lineno or n.lineno)]
    return max(found, key=lambda n: n.lineno) if found else None


def _added_names(function, line: int) -> tuple[str, str] | None:
    """The two names the sum on *line* adds (``a + b``, ``ops.add(a, b)``), or None."""
    for node in ast.walk(function):
        if getattr(node, "lineno", None) != line:
            continue
        pair = None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            pair = (node.left, node.right)
        elif isinstance(node, ast.Call) and len(node.args) == 2 and not node.keywords and (
                getattr(node.func, "attr", None) in _ADDS or getattr(node.func, "id", None) in _ADDS):
            pair = tuple(node.args)
        if pair and all(isinstance(p, ast.Name) for p in pair) and pair[0].id != pair[1].id:
            return pair[0].id, pair[1].id
    return None


def _shape(value: Any) -> tuple | None:
    shape = getattr(value, "shape", None)
    try:
        dims = tuple(shape) if shape is not None else None
    except TypeError:
        return None
    if not dims or not all(isinstance(d, int) or d is None for d in dims):
        return None
    return dims


def _assignments(function, name: str, before: int) -> list[ast.Assign]:
    return sorted((n for n in ast.walk(function) if isinstance(n, ast.Assign) and n.lineno < before
                   and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)),
                  key=lambda n: n.lineno)


def _counted(function, name: str, line: int, length: Any, frame: Any) -> _Counted | None:
    """The ``arange``/``range`` call the assignments of *name* reach back to, whose bound is *length*."""
    if not isinstance(length, int):
        return None
    todo, seen = [(name, line)], set()
    while todo:
        current, before = todo.pop()
        if (current, before) in seen:
            continue
        seen.add((current, before))
        made = _assignments(function, current, before)
        if not made:
            continue
        last = made[-1]
        for node in ast.walk(last.value):
            counted = _range_call(node)
            plain = counted is not None and not any(isinstance(n, (ast.BinOp, ast.UnaryOp)) for n in ast.walk(counted.bound))
            value = _value(counted.bound, {**frame.f_globals, **frame.f_locals}) if plain else None
            if type(value) is int and value == length:  # the count's bound, read as the table rule reads it
                return counted
            if isinstance(node, ast.Name):
                todo.append((node.id, last.lineno))
    return None


def _range_call(node: ast.AST) -> _Counted | None:
    """``arange(n)``, ``arange(0, n)``, ``arange(start=0, stop=n)``, ``tf.range(n)``, as (call, the bound n,
    the module spelling), or None."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    attr = func.attr if isinstance(func, ast.Attribute) else None
    if attr not in _RANGES:
        return None
    module = ast.unparse(func.value)
    if module in ("np", "numpy"):
        return None  # NumPy positions are host data; shapes of symbolic tensors are not NumPy's
    keywords = {k.arg: k.value for k in node.keywords if k.arg}
    start = node.args[0] if len(node.args) == 2 else keywords.get("start")
    if start is not None and not (isinstance(start, ast.Constant) and start.value == 0):
        return None
    bound = node.args[-1] if node.args and len(node.args) <= 2 else keywords.get("stop" if attr == "arange" else "limit")
    if bound is None or set(keywords) - {"start", "stop", "limit", "step", "dtype"} or (
            "step" in keywords and not (isinstance(keywords["step"], ast.Constant) and keywords["step"].value == 1)):
        return None
    return _Counted(node, bound, module)


def _bound_before(function, name: str, line: int) -> bool:
    params = {a.arg for a in function.args.args + function.args.kwonlyargs}
    return name in params or bool(_assignments(function, name, line))


def _aim_in_layer(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, edit, fixed, odd_len, other_len, odd, other, bound = found
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", odd, "positions", path, call.lineno)
    finding.explanation = (
        f"`{odd}` holds one vector per position for {odd_len} positions, counted to `{bound}` = {odd_len}, but "
        f"`{other}` has {other_len} positions: the sum pairs position k of one with position k of the other, so "
        f"both must be {other_len} long. `{bound}` only sizes the position table (it must be at least the longest "
        f"sequence); the positions to look up are those of the sequence itself, which differ from batch to batch, "
        f"so count them from `{other}`.")
    finding.fixes = [script_checked_fix(f"count the positions of the sequence, not the table's size: {edit.text}",
                                        fixed, display_path(path), call.lineno, [edit])]
    return finding
