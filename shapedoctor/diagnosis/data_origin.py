"""Where the data given to a training call got its wrong sizes, and the fix written on that line.

The array passed to ``fit``/``predict`` is often not where it went wrong: ``model.predict(img[np.newaxis])``
or ``batch = np.expand_dims(photo, 0)`` only add the batch axis. When the data has the rank the model
declares but other sizes (a 224x224 photo for a 150x150 model, 3 channels for 1), the sizes were made
where the wrapped array was made: that line is the root cause. When that line passes the wrong sizes
as a literal (``tf.image.resize(upload, (224, 224))``, ``target_size=(224, 224)``), the fix gives it the
declared sizes there.
"""

from __future__ import annotations

import ast
import dataclasses
import linecache
from typing import Any

from shapedoctor.trace.sites import called_name
from shapedoctor.trace.sites import source_tree

_MODULES = {"np", "numpy", "tf", "keras", "ops", "torch", "None"}
_AXIS_ONLY_CALLS = {"expand_dims"}


def _names(node: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id not in _MODULES]


def axis_only_of(node: ast.AST) -> str | None:
    """The one variable *node* only adds axes to (``v[np.newaxis]``, ``v[None, ...]``,
    ``np.expand_dims(v, 0)``, ``v.reshape(1, ...)``), None for anything else."""
    names = _names(node)
    if len(set(names)) != 1:
        return None
    if isinstance(node, ast.Subscript):
        index = node.slice
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        adds = all(isinstance(p, ast.Constant) and p.value in (None, Ellipsis)
                   or isinstance(p, ast.Attribute) and p.attr == "newaxis"
                   or isinstance(p, ast.Slice) and p.lower is None and p.upper is None and p.step is None
                   for p in parts)
        return names[0] if adds and isinstance(node.value, ast.Name) else None
    if isinstance(node, ast.Call) and called_name(node.func) in _AXIS_ONLY_CALLS:
        return names[0]
    if _reshape_adding_ones(node, names[0]):
        return names[0]
    return None


def _reshape_adding_ones(node: ast.AST, name: str) -> bool:
    """``v.reshape(1, *v.shape)`` / ``v.reshape((1, *v.shape))``: sizes of 1 put before the array's own shape."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "reshape"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == name and not node.keywords):
        return False
    parts = node.args[0].elts if len(node.args) == 1 and isinstance(node.args[0], ast.Tuple) else node.args
    starred = [p for p in parts if isinstance(p, ast.Starred)]
    ones = [p for p in parts if isinstance(p, ast.Constant) and p.value == 1]
    return (len(starred) == 1 and len(ones) == len(parts) - 1 >= 1 and parts[-1] is starred[0]
            and isinstance(starred[0].value, ast.Attribute) and starred[0].value.attr == "shape"
            and isinstance(starred[0].value.value, ast.Name) and starred[0].value.value.id == name)


def wrapped_argument(site: Any, position: int, keyword: str) -> str | None:
    """The variable an axis-only expression passed as x (0) / y (1) at *site* wraps, if any."""
    from shapedoctor.diagnosis.training_fixes import argument_node

    arg = argument_node(site, position, keyword)
    return axis_only_of(arg) if arg is not None else None


def _statement_at(file: str, line: int) -> ast.stmt | None:
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    return next((n for n in ast.walk(tree) if isinstance(n, ast.Assign) and n.lineno == line), None)


def assigned_name(file: str, line: int) -> str | None:
    """The plain name the one-target assignment on *line* of *file* binds (``tokenizer = layers.TextVectorization(...)``),
    or None."""
    try:
        statement = _statement_at(file, line)
    except (OSError, ValueError):
        return None
    if statement is None or len(statement.targets) != 1 or not isinstance(statement.targets[0], ast.Name):
        return None
    return statement.targets[0].id


def through_row_splits(site: Any, line: int | None, var: str | None) -> tuple[int | None, str | None]:
    """Follow a split (``part = labels[100:]``, ``X_train, y_train = X[:n], y[:n]``: rows only, by a
    slice) from the assignment of *var* at *line* to where the split array was made: (line, name) of
    that statement. A split keeps each row's encoding and sizes, so a problem with them was made there.
    (*line*, *var*) when the statement is no such split."""
    from shapedoctor.repair.data_follows import made_at
    from shapedoctor.trace.sites import Site

    seen = set()
    while site is not None and line is not None and var is not None and line not in seen:
        seen.add(line)
        stmt = _statement_at(site.file, line)
        value = _assigned_value(stmt, var)
        if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)
                and isinstance(value.slice, ast.Slice)):
            break
        made = made_at(Site(site.file, line), value.value.id)
        if made is None:
            break
        line, var = made.line, value.value.id
    return line, var


def _assigned_value(stmt: ast.stmt | None, var: str) -> ast.expr | None:
    """The value *stmt* assigns to the name *var*: ``var = v``, or its item of ``a, var = u, v``."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
        return None
    target = stmt.targets[0]
    if isinstance(target, ast.Name):
        return stmt.value if target.id == var else None
    if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple) and len(target.elts) == len(stmt.value.elts):
        for name, value in zip(target.elts, stmt.value.elts):
            if isinstance(name, ast.Name) and name.id == var:
                return value
    return None


def sizes_line(site: Any, line: int | None, got: tuple, want: tuple) -> int | None:
    """Follow an axis-only assignment (``batch = np.expand_dims(photo, 0)``) at *line* to the line
    that made the wrapped array, when the data already has the declared rank (so the axes are right
    and the sizes are what is wrong). *line* itself otherwise."""
    from shapedoctor.diagnosis.training_fixes import assignment_line

    if site is None or line is None or len(got) != len(want):
        return line
    stmt = _statement_at(site.file, line)
    inner = axis_only_of(stmt.value) if stmt is not None else None
    targets = {t.id for t in (stmt.targets if stmt is not None else []) if isinstance(t, ast.Name)}
    if inner is None or inner in targets:
        return line
    earlier = assignment_line(dataclasses.replace(site, line=line), inner)
    return earlier or line


def origin_line(call: Any, got: tuple, want: tuple) -> int | None:
    """The line that made the sizes of the x passed to *call* (see the module docstring)."""
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    site = call.site
    if site is None:
        return None
    var = argument_name(site, 0, "x") or wrapped_argument(site, 0, "x")
    return sizes_line(site, assignment_line(site, var), got, want)


def wrap_added_the_axis(call: Any, var: str, got: tuple, want: tuple) -> bool:
    """The data has more axes than declared, and the array the call wraps (``state`` of
    ``state[np.newaxis]``) already has the declared rank and sizes: the axis was added at the call."""
    shape = getattr((getattr(call, "names", None) or {}).get(var), "shape", None)
    if shape is None or len(got) <= len(want) or len(shape) != len(want):
        return False
    return all(w is None or w == s for s, w in zip(tuple(shape)[1:], tuple(want)[1:]))


def size_literal_edit(file: str, line: int, got: tuple, want: tuple) -> tuple | None:
    """A ``line_edit`` replacing the literal of the data's spatial sizes on *line* by the declared ones:
    ``(224, 224)`` -> ``(150, 150)`` (also written width-first, as cv2 takes it). None without one."""
    if len(got) == len(want) == 3 and None not in want[1:] and tuple(got[1:]) != tuple(want[1:]):
        got, want = tuple(got) + (1,), tuple(want) + (1,)  # grayscale images without a channel axis
    if len(got) != len(want) or len(got) < 4 or None in want[1:-1] or tuple(got[1:-1]) == tuple(want[1:-1]):
        return None
    if got[-1] != want[-1]:
        return None
    text = linecache.getline(file, line)
    if not text.isascii():
        return None
    stmt = _statement_at(file, line)
    if stmt is None or stmt.end_lineno != line:
        return None
    sizes, declared = tuple(got[1:-1]), tuple(want[1:-1])
    for node in ast.walk(stmt):
        if not isinstance(node, (ast.Tuple, ast.List)) or not all(
                isinstance(e, ast.Constant) and isinstance(e.value, int) for e in node.elts):
            continue
        values = tuple(e.value for e in node.elts)
        if values == sizes:
            new = declared
        elif values == tuple(reversed(sizes)):
            new = tuple(reversed(declared))
        else:
            continue
        literal = "(" + ", ".join(map(str, new)) + ")"
        new_line = text[:node.col_offset] + literal + text[node.end_col_offset:]
        return (line, node.col_offset, node.end_col_offset, literal, new_line.strip())
    return None


def resize_after_edit(file: str, line: int, var: str, sizes: tuple, spelled: list[str] | None = None) -> tuple | None:
    """A ``line_edit`` inserting ``var = keras.ops.image.resize(var, sizes)`` right after the statement
    on *line* that made the images *var* (``tf.image.resize`` when the script has ``tf``, not ``keras``),
    the sizes written as *spelled* when given (the user's names). None when that statement is not a
    plain assignment of *var* or neither module is imported."""
    stmt = _assigning(file, line, var)
    if stmt is None:
        return None
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    imported = {(a.asname or a.name) for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    written = f"({', '.join(spelled)})" if spelled and len(spelled) == len(sizes) else str(tuple(sizes))
    if "keras" in imported:
        call = f"keras.ops.image.resize({var}, {written})"
    elif "tf" in imported:
        call = f"tf.image.resize({var}, {written})"
    else:
        return None
    return _inserted_after(file, stmt, f"{var} = {call}")


def training_crop(file: str, sizes: dict, got: tuple, want: tuple) -> tuple[str, int, int] | None:
    """How the script crops its images to the model's size, when it does so once: (the row slice's text, the first
    row kept, the line), for a one-line ``frame[ROAD_H:, :, :]`` (or ``[a:b, :, :]``, ``[:b, :, :]``) whose rows
    taken from *got*'s height leave *want*'s, the width and channels kept. New images of the uncropped size are
    cropped the same way, not resized (a resize squashes what the model saw cropped: SantosNet's road half,
    r1122). None when there is no such slice or more than one."""
    try:
        tree = source_tree(file)
    except (OSError, SyntaxError, ValueError):
        return None
    height, kept = got[1], want[1]
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 3
                and node.lineno == node.end_lineno):
            continue
        rows, *rest = node.slice.elts
        if not isinstance(rows, ast.Slice) or rows.step is not None or any(
                not (isinstance(e, ast.Slice) and e.lower is None and e.upper is None) for e in rest):
            continue
        low = 0 if rows.lower is None else int_value(rows.lower, sizes)
        high = height if rows.upper is None else int_value(rows.upper, sizes)
        if low is None or high is None or (rows.lower is None and rows.upper is None):
            continue
        if high - low == kept and 0 <= low < high <= height:
            text = linecache.getline(file, node.lineno)
            found.append((text[rows.col_offset:rows.end_col_offset], low, node.lineno))
    return found[0] if len(found) == 1 else None


def crop_after_edit(file: str, line: int, var: str, rows: str) -> tuple | None:
    """A ``line_edit`` inserting ``var = var[:, <rows>, :, :]`` right after the statement on *line* that made the
    batch of images *var* (see :func:`training_crop`), or None when that statement does not assign *var*."""
    stmt = _assigning(file, line, var)
    return None if stmt is None else _inserted_after(file, stmt, f"{var} = {var}[:, {rows}, :, :]")


def _assigning(file: str, line: int, var: str) -> ast.Assign | None:
    """The assignment on *line* of *file* when one of its targets is the name *var*, else None."""
    stmt = _statement_at(file, line)
    return stmt if stmt is not None and any(isinstance(t, ast.Name) and t.id == var for t in stmt.targets) else None


def _inserted_after(file: str, stmt: ast.stmt, code: str) -> tuple:
    """A ``line_edit`` inserting the statement *code* on the line after *stmt*, at its indentation."""
    text = linecache.getline(file, stmt.lineno)
    indent = text[: len(text) - len(text.lstrip())]
    return (stmt.end_lineno + 1, 0, 0, indent + code + "\n", code)


def int_value(node: ast.AST | None, sizes: dict) -> int | None:
    """The int *node* stands for: an int literal, or a name the script's *sizes* hold; else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name) and isinstance(sizes.get(node.id), int):
        return sizes[node.id]
    return None


def resize_to(sizes: tuple):
    """A verification stand-in for the edited line: the images resized to *sizes*."""
    def run(value):
        import numpy as np

        import keras

        arr = np.asarray(value, dtype="float32")
        if arr.ndim == 3:  # grayscale images without a channel axis
            return np.asarray(keras.ops.convert_to_numpy(keras.ops.image.resize(arr[..., None], sizes)))[..., 0]
        return np.asarray(keras.ops.convert_to_numpy(keras.ops.image.resize(arr, sizes)))

    return run


def vectorizer_made(recorder: Any, keep) -> tuple[Any, Any, ast.Call] | None:
    """(the layer, its creation site, the one ``TextVectorization(...)`` call written there) of the one
    TextVectorization of the script for which *keep(layer)* holds; None when not exactly one, or its call
    cannot be read."""
    from shapedoctor.trace.sites import source_tree_and_calls_at

    made = [layer for layer in recorder.created_layers() if type(layer).__name__ == "TextVectorization" and keep(layer)]
    if len(made) != 1:
        return None
    site = recorder.creation_site(made[0])
    if site is None or not site.file:
        return None
    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) == "TextVectorization"]
    return (made[0], site, calls[0]) if len(calls) == 1 else None


def vectorizer_length_edit(file: str, line: int, want: tuple, got: tuple) -> tuple | None:
    """Token ids made on *line* by calling a ``TextVectorization`` created without
    ``output_sequence_length`` (each call pads to its own longest text) for an input declared with a
    fixed length: a ``line_edit`` giving the vectorizer that length where it is created."""
    if len(want) != 2 or len(got) != 2 or not isinstance(want[1], int) or got[1] == want[1]:
        return None
    stmt = _statement_at(file, line)
    called = {n.func.id for n in ast.walk(stmt) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)} \
        if stmt is not None else set()
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Assign) and n.lineno < line
            and any(isinstance(t, ast.Name) and t.id in called for t in n.targets)
            and isinstance(n.value, ast.Call) and called_name(n.value.func) == "TextVectorization"]
    if not made:
        return None
    node = max(made, key=lambda n: n.lineno).value
    keywords = {kw.arg: kw.value for kw in node.keywords}
    mode = keywords.get("output_mode")
    if "output_sequence_length" in keywords or (mode is not None and not (
            isinstance(mode, ast.Constant) and mode.value == "int")):
        return None
    text = linecache.getline(file, node.lineno)
    if node.end_lineno != node.lineno or not text.isascii():
        return None
    call_text = text[node.col_offset:node.end_col_offset]
    new_call = call_text[:-1].rstrip().rstrip(",") + f", output_sequence_length={want[1]})"
    new_line = text[:node.col_offset] + new_call + text[node.end_col_offset:]
    return (node.lineno, node.col_offset, node.end_col_offset, new_call, new_line.strip())


def pad_or_cut_to(length: int):
    """A verification stand-in for ``output_sequence_length=length``: ids padded with 0 at the end."""
    def run(value):
        import numpy as np

        arr = np.asarray(value)
        if arr.shape[1] >= length:
            return arr[:, :length]
        return np.pad(arr, ((0, 0), (0, length - arr.shape[1])))

    return run



def name_assignments(scope: ast.AST, one_line: bool = True) -> list[ast.Assign]:
    """Every ``name = value`` statement in *scope* (one plain name as its only target), in the order
    ``ast.walk`` meets them; with *one_line*, only those written on one line (the ones a fix rewrites).
    The reader the re-aiming rules share to find where the script made an array."""
    return [n for n in ast.walk(scope) if isinstance(n, ast.Assign) and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name) and (not one_line or n.lineno == n.end_lineno)]


def assignments_by_name(scope: ast.AST, one_line: bool = False) -> dict[str, list[ast.Assign]]:
    """name -> its ``name = value`` statements in *scope* (see :func:`name_assignments`)."""
    found: dict[str, list[ast.Assign]] = {}
    for stmt in name_assignments(scope, one_line):
        found.setdefault(stmt.targets[0].id, []).append(stmt)
    return found


def enclosing_scope(tree: ast.Module, line: int) -> ast.AST:
    """The innermost function of *tree* whose lines hold *line*, or the module itself: where a name read on
    that line was bound."""
    scopes = [f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
              and f.lineno <= line <= (f.end_lineno or f.lineno)]
    return max(scopes, key=lambda f: f.lineno) if scopes else tree


def last_assignment(scope: ast.AST, name: str, before: int) -> ast.Assign | None:
    """The last one-line ``name = value`` in *scope* above line *before*, or None."""
    made = [n for n in name_assignments(scope) if n.targets[0].id == name and n.lineno < before]
    return max(made, key=lambda n: n.lineno) if made else None


def single_assignments(tree: ast.Module) -> dict[str, ast.Assign]:
    """The names the module binds exactly once in all its code, that one binding being a top-level
    ``name = value``: name -> that statement."""
    from collections import Counter

    stores = Counter(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    return {s.targets[0].id: s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and stores[s.targets[0].id] == 1}


def one_return(tree: ast.Module, name: str) -> ast.Return | None:
    """The one ``return value`` of the module-level function *name* defined once in *tree*, or None."""
    defined = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == name]
    returns = [n for n in ast.walk(defined[0]) if isinstance(n, ast.Return) and n.value is not None] if len(defined) == 1 else []
    return returns[0] if len(returns) == 1 else None


def functions_at(file: str, first_line: int) -> tuple[ast.Module, list] | None:
    """*file*'s syntax tree and the function(s) defined at *first_line* (the line a code object or a
    decorator starts on), or None when the file does not parse."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    return tree, [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                  and first_line in [n.lineno] + [d.lineno for d in n.decorator_list]]


def yield_edit(file: str, first_line: int) -> tuple[int, tuple | None] | None:
    """The line of the one ``yield`` of the generator function starting at *first_line* (the one
    ``return`` of a PyDataset's ``__getitem__``), and a
    ``line_edit`` making each yielded item a batch of one (``x[i]`` -> ``x[i:i + 1]``) when every item
    is one element picked from an array (None otherwise)."""
    found = functions_at(file, first_line)
    if found is None:
        return None
    tree, funcs = found
    yields = [n for f in funcs for n in ast.walk(f) if isinstance(n, ast.Yield) and n.value is not None]
    step = None
    if not yields:  # a PyDataset's __getitem__ returns its batch; its __len__ says how many samples one holds
        yields = [n for f in funcs for n in ast.walk(f) if isinstance(n, ast.Return) and n.value is not None]
        step = _items_per_index(tree, funcs[0]) if len(funcs) == 1 else None
        if step is None:
            return (yields[0].lineno, None) if len(yields) == 1 else None
    if len(yields) != 1:
        return None
    value = yields[0].value
    line = yields[0].lineno
    items = value.elts if isinstance(value, ast.Tuple) else [value]
    text = linecache.getline(file, line)
    picked = all(isinstance(e, ast.Subscript) and not isinstance(e.slice, (ast.Slice, ast.Tuple))
                 and e.lineno == e.end_lineno == line for e in items)
    if not text.isascii() or value.lineno != line or value.end_lineno != line:
        return line, None
    if not picked:
        return line, _each_a_batch_of_one(file, text, line, items) if step is None else None
    last, new_value = value.col_offset, ""
    for e in items:
        index = text[e.slice.col_offset:e.slice.end_col_offset]
        simple = isinstance(e.slice, (ast.Name, ast.Constant, ast.Attribute))
        first = index if simple else f"({index})"
        if step in (None, "1"):
            new_value += text[last:e.slice.col_offset] + f"{index}:{index} + 1"
        else:
            new_value += text[last:e.slice.col_offset] + f"{first} * {step}:({index} + 1) * {step}"
        last = e.slice.end_col_offset
    new_value += text[last:value.end_col_offset]
    new_line = text[:value.col_offset] + new_value + text[value.end_col_offset:]
    return line, (line, value.col_offset, value.end_col_offset, new_value, new_line.strip())


def _each_a_batch_of_one(file: str, text: str, line: int, items: list) -> tuple | None:
    """A ``line_edit`` giving every yielded item a batch axis of one, ``np.expand_dims(item, 0)``: a
    generator that yields ``vec, np.float32(rate)`` one sample at a time then yields batches of one.
    Only for items written on the line and a script that imports NumPy as ``np``."""
    if "import numpy as np" not in "".join(linecache.getlines(file)) \
            or any(e.lineno != line or e.end_lineno != line or isinstance(e, ast.Starred) for e in items):
        return None
    first, last = items[0].col_offset, items[-1].end_col_offset
    new_value, at = "", first
    for e in items:
        new_value += text[at:e.col_offset] + f"np.expand_dims({text[e.col_offset:e.end_col_offset]}, 0)"
        at = e.end_col_offset
    new_value += text[at:last]
    new_line = text[:first] + new_value + text[last:]
    return line, first, last, new_value, new_line.strip()


def _items_per_index(tree: ast.Module, getitem: ast.AST) -> str | None:
    """How many samples one index of a PyDataset stands for, read off the ``__len__`` of the class that
    defines *getitem*: ``"1"`` for ``return len(self.x)``, the divisor's text for
    ``return len(self.x) // self.batch_size`` (or ``math.ceil(len(self.x) / self.batch_size)``), None
    for anything else."""
    owner = next((c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and getitem in c.body), None)
    length = next((f for f in (owner.body if owner else []) if isinstance(f, ast.FunctionDef) and f.name == "__len__"),
                  None)
    returns = [n.value for n in ast.walk(length) if isinstance(n, ast.Return) and n.value is not None] if length else []
    if len(returns) != 1:
        return None
    value = returns[0]
    if isinstance(value, ast.Call) and called_name(value.func) in ("ceil", "int", "floor") and len(value.args) == 1:
        value = value.args[0]
    if isinstance(value, ast.Call) and called_name(value.func) == "len":
        return "1"
    if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.FloorDiv, ast.Div)) \
            and isinstance(value.left, ast.Call) and called_name(value.left.func) == "len" \
            and isinstance(value.right, (ast.Name, ast.Attribute)):
        return ast.unparse(value.right)
    return None


def unbatch_before(file: str, batch: ast.Call) -> tuple | None:
    """A ``line_edit`` writing ``.unbatch()`` between the dataset and its ``.batch(...)`` call *batch* (the
    dataset's expression ending on the line the call starts on, an ASCII line), else None."""
    text = linecache.getline(file, batch.lineno)
    if batch.func.value.end_lineno != batch.lineno or not text.isascii():
        return None
    end = batch.func.value.end_col_offset
    return (batch.lineno, end, end, ".unbatch()", (text[:end] + ".unbatch()" + text[end:]).strip())


# Keras's dataset makers that batch what they yield (batch_size defaults to a number, not None).
BATCHING_LOADERS = ("timeseries_dataset_from_array", "image_dataset_from_directory", "text_dataset_from_directory",
                    "audio_dataset_from_directory")


def loader_batch_size(node: ast.Call) -> ast.expr | None:
    """The batch size a :data:`BATCHING_LOADERS` call *node* batches by (its ``batch_size``; when not given, 128
    for ``timeseries_dataset_from_array``, 32 for the others), None when it is given ``batch_size=None`` (it
    yields single samples)."""
    default = 128 if called_name(node.func) == "timeseries_dataset_from_array" else 32
    size = next((k.value for k in node.keywords if k.arg == "batch_size"), ast.Constant(default))
    return None if isinstance(size, ast.Constant) and size.value is None else size


# Dataset methods that keep how an element is batched: a batch size read through them is still the element's.
_KEEPS_BATCHING = frozenset({"map", "shuffle", "cache", "prefetch", "repeat", "filter", "take", "skip", "with_options",
                             "apply", "ignore_errors", "shard", "enumerate"})


def batch_size_of(batch: ast.Call) -> ast.expr | None:
    """The batch size given to a ``.batch(...)`` / ``.padded_batch(...)`` call: its first argument or ``batch_size=``."""
    return batch.args[0] if batch.args else next((k.value for k in batch.keywords if k.arg == "batch_size"), None)


def earlier_batch_size(file: str, batch: ast.Call) -> ast.expr | None:
    """The size the dataset *batch* batches again was already batched by: the argument of the earlier
    ``.batch(n)`` (or ``padded_batch``) of its chain, followed through one-line assignments in the same
    scope and through methods that keep the batching (``map``, ``shuffle``, ``cache`` ...); a
    Keras loader's ``batch_size`` (32 when not given). None when not found."""
    try:
        tree = source_tree(file)
    except (OSError, SyntaxError, ValueError):
        return None
    scope, node, line = enclosing_scope(tree, batch.lineno), batch.func.value, batch.lineno
    for _ in range(8):
        while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("batch", "padded_batch"):
                return batch_size_of(node)
            if node.func.attr not in _KEEPS_BATCHING:
                break
            node = node.func.value
        if isinstance(node, ast.Call) and called_name(node.func) in BATCHING_LOADERS:
            return loader_batch_size(node)
        if not isinstance(node, ast.Name):
            return None
        stmt = last_assignment(scope, node.id, line)
        if stmt is None:
            return None
        node, line = stmt.value, stmt.lineno
    return None


def drop_batch_edit(file: str, batch: ast.Call) -> tuple | None:
    """A ``line_edit`` deleting the ``.batch(...)`` call *batch* written on one ASCII line, when the dataset
    it batches was already batched by the same size (see :func:`earlier_batch_size`), else None."""
    size = batch_size_of(batch)
    earlier = earlier_batch_size(file, batch)
    if size is None or earlier is None or ast.dump(size) != ast.dump(earlier):
        return None
    text = linecache.getline(file, batch.lineno)
    if batch.end_lineno != batch.lineno or batch.func.value.end_lineno != batch.lineno or not text.isascii():
        return None
    start, end = batch.func.value.end_col_offset, batch.end_col_offset
    left = (text[:start] + text[end:]).strip()
    target, _, value = left.partition("=")
    if target.strip() == value.strip():  # `ds = ds.batch(n)` would leave `ds = ds`: the line goes, not written here
        return None
    return (batch.lineno, start, end, "", left)


def batch_calls_on(file: str, line: int) -> list[ast.Call]:
    """The ``.batch(...)`` calls of the one-line assignment ending on *line* of *file*."""
    stmt = _statement_at(file, line)
    if stmt is None or stmt.end_lineno != line:
        return []
    return [n for n in ast.walk(stmt) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "batch"]


def merge_batch_axes(value):
    """A verification stand-in for ``.unbatch().batch(n)``: one element's two batch axes merged (of each input of
    a dict or list of them)."""
    import numpy as np

    if isinstance(value, dict):
        return {key: merge_batch_axes(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(merge_batch_axes(v) for v in value)

    arr = np.asarray(value)
    return arr.reshape((-1,) + arr.shape[2:])


def _adds_last_axis(node: ast.AST) -> ast.expr | None:
    """The array *node* only gives a trailing axis of size 1 (``v[..., np.newaxis]``, ``v[..., None]``,
    ``np.expand_dims(v, -1)`` / ``axis=-1``, ``tf.expand_dims(v, -1)``), or None."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2:
        first, last = node.slice.elts
        new = (isinstance(last, ast.Constant) and last.value is None) or (
            isinstance(last, ast.Attribute) and last.attr == "newaxis")
        if isinstance(first, ast.Constant) and first.value is Ellipsis and new:
            return node.value
    if isinstance(node, ast.Call) and called_name(node.func) == "expand_dims" and node.args:
        axis = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "axis"), None)
        if isinstance(axis, ast.UnaryOp) and isinstance(axis.op, ast.USub) and isinstance(axis.operand, ast.Constant) \
                and axis.operand.value == 1:
            return node.args[0]
    return None


def added_axis_edit(file: str, line: int) -> tuple[str, tuple] | None:
    """On the statement at *line* that made the data, the one expression that adds a trailing axis of
    size 1 to an array: (the array's source text, a ``line_edit`` writing the array without it).
    None when the statement has no such expression, or several."""
    stmt = _statement_at(file, line)
    text = linecache.getline(file, line)
    if stmt is None or not text.isascii():
        return None
    found = [(n, inner) for n in ast.walk(stmt) if (inner := _adds_last_axis(n)) is not None]
    if len(found) != 1:
        return None
    node, inner = found[0]
    if node.lineno != line or node.end_lineno != line:
        return None
    inner_text = text[inner.col_offset:inner.end_col_offset]
    new_line = text[:node.col_offset] + inner_text + text[node.end_col_offset:]
    return inner_text, (line, node.col_offset, node.end_col_offset, inner_text, new_line.strip())


_KEEPS_ELEMENTS = ("prefetch", "cache", "repeat", "take", "skip", "with_options")  # steps .batch() goes before


def helper_batch_edit(file: str, line: int, size: int) -> tuple[int, tuple] | None:
    """A dataset made by a helper of the user's own (``train_set = housing_dataset(X, y)`` at *line*)
    whose one ``return`` never batches: that ``return`` line and a ``line_edit`` batching there, before
    the steps that keep elements as they are (``return ds.shuffle(n).batch(batch_size).prefetch(1)``),
    with the helper's own ``batch_size`` parameter when it has one, else *size*. Every dataset the
    helper makes is fixed by the one edit, as the answers do."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    stmt = next((s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.lineno == line), None)
    if stmt is None or not isinstance(stmt.value, ast.Call) or not isinstance(stmt.value.func, ast.Name):
        return None
    name = stmt.value.func.id
    helpers = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == name]
    if len(helpers) != 1:
        return None
    helper = helpers[0]
    returns = [n for n in ast.walk(helper) if isinstance(n, ast.Return) and n.value is not None]
    if len(returns) != 1 or returns[0].value.lineno != returns[0].value.end_lineno:
        return None
    value = returns[0].value
    if any(isinstance(n, ast.Attribute) and n.attr in ("batch", "padded_batch", "bucket_by_sequence_length")
           for n in ast.walk(helper)):
        return None  # it batches somewhere: not this rule
    params = {a.arg for a in helper.args.args + helper.args.kwonlyargs}
    batch = ".batch(batch_size)" if "batch_size" in params else f".batch({size})"
    text = linecache.getline(file, value.lineno)
    if not text.isascii():
        return None
    at, node = value.end_col_offset, value  # after the whole expression, unless it ends in element-keeping steps
    while (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
           and node.func.attr in _KEEPS_ELEMENTS):
        at, node = node.func.value.end_col_offset, node.func.value
    new_value = text[value.col_offset:at] + batch + text[at:value.end_col_offset]
    new_line = text[:value.col_offset] + new_value + text[value.end_col_offset:]
    return value.lineno, (value.lineno, value.col_offset, value.end_col_offset, new_value, new_line.strip())
