"""Where the user chose a size that an ``Input`` declares or a layer reads: the line an expert edits.

``Input(shape=(image_size, image_size, 3))`` inside ``get_network(image_size)``, called as
``get_network(image_size)`` after ``image_size = 28``; ``unet(input_size=(IMG_SIZE, IMG_SIZE, 1))``
with ``IMG_SIZE = 100``; ``build_model(input_dim=fft_length // 2)``. The size is not chosen on the
``Input`` line: it is chosen where the value is written, and the data, an ``UpSampling2D(size=...)``
or a ``Reshape`` made with the same name follow it. :func:`size_origins` reads the source (``ast``)
and follows each size of the declaration back through tuples, names bound once, function
parameters (the one call that passes them, or their default) to the expression that writes it: an
integer literal, or arithmetic on names and literals (``fft_length // 2``). Anything else (a shape
read from an array, a call) is not followed: the declaration is then edited where it is written.
The same walk serves a layer's size argument (``Embedding(vocab_size, ...)`` in a model's
``__init__``, ``vocab_size = len(vocab)``): :func:`argument_rebinding`.

Nothing here decides whether the new size is right: a fix written at the origin changes every use
of the value, so it is verified by running the patched script (see ``diagnosis/engine.py``).
"""

from __future__ import annotations

import ast
import linecache
from dataclasses import dataclass

_DEPTH = 8  # names followed before giving up


@dataclass(frozen=True)
class Origin:
    """The expression that writes a size: replace it (file positions) to choose another size."""

    line: int
    col: int
    end_line: int
    end_col: int
    value: int | None  # its value when it is a literal

    @property
    def key(self) -> tuple:
        return (self.line, self.col, self.end_line, self.end_col)

    @classmethod
    def of(cls, expr: ast.expr) -> "Origin":
        return cls(expr.lineno, expr.col_offset, expr.end_lineno or expr.lineno, expr.end_col_offset or expr.col_offset,
                   expr.value if isinstance(expr, ast.Constant) else None)


def _functions(tree: ast.AST) -> list[ast.FunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _enclosing(tree: ast.AST, line: int) -> ast.FunctionDef | None:
    around = [f for f in _functions(tree) if f.lineno <= line <= (f.end_lineno or f.lineno)]
    return max(around, key=lambda f: f.lineno) if around else None


def enclosing_scope(tree: ast.AST, line: int) -> ast.AST:
    """The innermost function around *line*, or the module: where a name read at *line* is looked up first."""
    return _enclosing(tree, line) or tree


def _parent(tree: ast.AST, function: ast.FunctionDef) -> ast.AST:
    """The function *function* is nested in (its names are visible inside), or the module."""
    around = [f for f in _functions(tree) if f is not function and f.lineno < function.lineno
              and (function.end_lineno or 0) <= (f.end_lineno or 0)]
    return max(around, key=lambda f: f.lineno) if around else tree


@dataclass(frozen=True)
class _Unpacked:
    """``a, b, c = value``: the name is element *index* of *value*."""

    value: ast.expr
    index: int


def _bindings(scope: ast.AST, name: str) -> list:
    """What binds *name* in *scope* (a function body or the module, not nested functions): an
    ``Assign`` of the name alone, an :class:`_Unpacked` for a flat tuple unpacking (``f1, f2, f3 =
    filters``), or the ``Name`` node of any other binding (a loop target, ``+=``)."""
    found, stack = [], list(getattr(scope, "body", []))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id == name:
            found.append(node)
            stack.append(node.value)
            continue
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], (ast.Tuple, ast.List)) \
                and all(isinstance(t, ast.Name) for t in node.targets[0].elts) \
                and name in [t.id for t in node.targets[0].elts]:
            found.append(_Unpacked(node.value, [t.id for t in node.targets[0].elts].index(name)))
            stack.append(node.value)
            continue
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _parameter(function: ast.FunctionDef, name: str) -> tuple[int | None, ast.expr | None] | None:
    """(position, default) of parameter *name*, or None when *function* has no such parameter."""
    args = function.args
    positional = args.posonlyargs + args.args
    for i, arg in enumerate(positional):
        if arg.arg == name:
            defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
            return i, defaults[i]
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        if arg.arg == name:
            return None, default
    return None


def _class_of(tree: ast.AST, function: ast.FunctionDef) -> ast.ClassDef | None:
    return next((c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and function in c.body), None)


def _arguments(tree: ast.AST, function: ast.FunctionDef, name: str) -> list[tuple[ast.expr, ast.AST]] | None:
    """The expressions the calls of *function* pass as parameter *name* (or its default), each with the
    scope it is written in; None when a call's value is unknown. A class's ``__init__`` is called by
    the class name (``self`` is not passed)."""
    found = _parameter(function, name)
    if found is None:
        return None
    position, default = found
    callee, shift = function.name, 0
    owner = _class_of(tree, function)
    if owner is not None:
        if function.name != "__init__":
            return None
        callee, shift = owner.name, 1
    if position is not None:
        position -= shift
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == callee]
    if not calls:
        return None
    passed = []
    for call in calls:
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return None
        given = next((k.value for k in call.keywords if k.arg == name), None)
        if given is None and position is not None and 0 <= position < len(call.args):
            given = call.args[position]
        if given is not None:
            passed.append((given, _enclosing(tree, call.lineno) or tree))
        elif default is not None:
            passed.append((default, _parent(tree, function)))
        else:
            return None
    return passed


def _resolve(tree: ast.AST, expr: ast.expr, scope: ast.AST, depth: int = 0) -> tuple[ast.expr, ast.AST] | None:
    """*expr* with names followed to the expression that gives them their value (see the module)."""
    if depth > _DEPTH:
        return None
    if not isinstance(expr, ast.Name):
        return expr, scope
    name = expr.id
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        local = _bindings(scope, name)
        if _parameter(scope, name) is not None:
            filled = _filled_when_none(scope, name, local)
            passed = _arguments(tree, scope, name) if filled is not None else None
            if passed is not None and all(isinstance(given, ast.Constant) and given.value is None
                                          for given, _where in passed):
                return _resolve(tree, filled.value, scope, depth + 1)  # every call leaves it to the function
            if local:
                return None  # a parameter rebound inside the function
            ends = [_resolve(tree, given, where, depth + 1) for given, where in _arguments(tree, scope, name) or []]
            if not ends or any(e is None for e in ends) or len({id(e[0]) for e in ends}) != 1:
                return None  # unknown, or calls that give the size from different places
            return ends[0]
        if local:
            return _bound_value(tree, local, scope, depth)
        return _resolve(tree, expr, _parent(tree, scope), depth + 1)
    return _bound_value(tree, _bindings(tree, name), tree, depth)


def _none_fillings(scope: ast.AST) -> list[tuple[str, ast.Assign]]:
    """(name, statement) for each ``name = value`` written right under ``if name is None:`` (no ``else``) in
    *scope*: a parameter the function fills in when the caller gives none."""
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    return [(node.test.left.id, stmt) for node in ast.walk(scope)
            if isinstance(node, ast.If) and not node.orelse and isinstance(node.test, ast.Compare)
            and isinstance(node.test.left, ast.Name) and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.Is)
            and isinstance(node.test.comparators[0], ast.Constant) and node.test.comparators[0].value is None
            for stmt in node.body if isinstance(stmt, ast.Assign)]


def _filled_when_none(function: ast.FunctionDef, name: str, local: list) -> ast.Assign | None:
    """The one ``name = value`` of a parameter that defaults to None, written right under ``if name is
    None:`` in *function* (``num_classes = int(np.max(labels)) + 1`` when the caller gives none)."""
    if len(local) != 1 or not isinstance(local[0], ast.Assign):
        return None
    return local[0] if (name, local[0]) in _none_fillings(function) else None


def _sized(found: tuple[ast.expr, ast.AST]) -> bool:
    """The resolved (expression, scope) writes a size: integer arithmetic, or a largest id (``np.max(labels)``)
    where a function fills a None parameter with it; a largest id bound anywhere else is the id, not a count."""
    expr, scope = found
    return _arithmetic(expr) or (_largest_value(expr) and any(
        stmt.value is expr for _name, stmt in _none_fillings(scope)))


def _bound_value(tree: ast.AST, binds: list, scope: ast.AST, depth: int) -> tuple[ast.expr, ast.AST] | None:
    """The value of a name bound once in *scope*: an assignment's value, or its element of an unpacked
    tuple or list (followed to where that sequence is written)."""
    if len(binds) != 1:
        return None
    bind = binds[0]
    if isinstance(bind, ast.Assign):
        return _resolve(tree, bind.value, scope, depth + 1)
    if isinstance(bind, _Unpacked):
        found = _resolve(tree, bind.value, scope, depth + 1)
        if found is None or not isinstance(found[0], (ast.Tuple, ast.List)) or bind.index >= len(found[0].elts) \
                or any(isinstance(e, ast.Starred) for e in found[0].elts):
            return None
        return _resolve(tree, found[0].elts[bind.index], found[1], depth + 1)
    return None


def _arithmetic(expr: ast.expr) -> bool:
    """Integer arithmetic on names, literals and lengths (``fft_length // 2``, ``len(vocab)``)."""
    if isinstance(expr, ast.Constant):
        return type(expr.value) is int
    if isinstance(expr, ast.Name):
        return True
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "len" \
            and len(expr.args) == 1 and not expr.keywords and isinstance(expr.args[0], (ast.Name, ast.Attribute)):
        return True
    if isinstance(expr, ast.BinOp):
        return _arithmetic(expr.left) and _arithmetic(expr.right)
    if isinstance(expr, ast.UnaryOp):
        return _arithmetic(expr.operand)
    return False


def _largest_value(expr: ast.expr) -> bool:
    """A count read as the largest value of an array of ids (``np.max(labels)``, ``labels.max()``,
    ``int(np.max(y, axis=0))``, ``max(y)``): the size is that value plus a constant."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "int" \
            and len(expr.args) == 1 and not expr.keywords:
        expr = expr.args[0]
    if not isinstance(expr, ast.Call) or expr.keywords and not isinstance(expr.func, ast.Attribute):
        return False
    func = expr.func
    if isinstance(func, ast.Name):
        return func.id == "max" and len(expr.args) == 1 and isinstance(expr.args[0], ast.Name)
    if isinstance(func, ast.Attribute) and func.attr in ("max", "amax"):
        if isinstance(func.value, ast.Name) and func.value.id in ("np", "numpy"):
            return bool(expr.args) and isinstance(expr.args[0], ast.Name)
        return isinstance(func.value, ast.Name) and not expr.args  # labels.max()
    return False


def _elements(tree: ast.AST, whole: ast.expr, scope: ast.AST, depth: int = 0) -> list | None:
    """The (element, scope) pairs of a written tuple or list, also of a concatenation of such
    (``img_size + (3,)``, each part followed to where it is written)."""
    if isinstance(whole, (ast.Tuple, ast.List)):
        return [(e, scope) for e in whole.elts] if not any(isinstance(e, ast.Starred) for e in whole.elts) else None
    if isinstance(whole, ast.BinOp) and isinstance(whole.op, ast.Add) and depth < _DEPTH:
        parts = []
        for side in (whole.left, whole.right):
            found = _resolve(tree, side, scope)
            inner = _elements(tree, *found, depth + 1) if found is not None else None
            if inner is None:
                return None
            parts += inner
        return parts
    return None


def size_origins(tree: ast.AST, shape_arg: ast.expr, line: int, rank: int) -> list[Origin | None] | None:
    """For a declaration's shape argument *shape_arg* (at *line*, one sample of *rank* axes): per
    axis, the expression that writes its size (None for an axis written as ``None``), or None when
    the argument cannot be read as *rank* sizes."""
    scope = _enclosing(tree, line) or tree
    found = _resolve(tree, shape_arg, scope)
    if found is None:
        return None
    elements = _elements(tree, *found)
    if elements is None or len(elements) != rank:
        return None
    origins: list[Origin | None] = []
    for element, whole_scope in elements:
        if isinstance(element, ast.Constant) and element.value is None:
            origins.append(None)
            continue
        resolved = _resolve(tree, element, whole_scope)
        if resolved is None or not _sized(resolved):
            return None
        origins.append(Origin.of(resolved[0]))
    return origins


@dataclass(frozen=True)
class SourceRebinding:
    """The fix written where the user binds the size (`image_size = 64`), not at the Input."""

    file: str
    line: int
    shown: str
    text_edits: tuple


def size_binding(ctx, input_node, shape: tuple) -> SourceRebinding | None:
    """:func:`rebinding_at` for an input node of a diagnosis graph."""
    spec = ctx.graph.spec(input_node)
    site = spec.created if spec is not None else None
    old = ctx.shape_of(input_node)
    return rebinding_at(site, tuple(old), tuple(shape)) if site is not None and old is not None else None


def rebinding_at(site, old: tuple, shape: tuple) -> SourceRebinding | None:
    """When the Input created at *site* gets each size that changes (from *old* to *shape*, batch axis
    first) from an expression written elsewhere (``image_size = 60`` and ``Input((image_size,
    image_size, 3))``; a parameter's default or the argument of the calls that build the model, see
    the module), and that expression sizes no axis that keeps its size: the edit of those
    expressions. The data and the layers made with the same value then get the new size too."""
    if site is None or not site.file or len(old) != len(shape):
        return None
    found = _constructed_at(site, ("Input", "InputLayer"))
    if found is None:
        return None
    tree, call = found
    arg = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "shape"), None)
    if arg is None:
        return None
    moved = _permuted_tuple(site.file, tree, arg, site.line, tuple(old[1:]), tuple(shape[1:]))
    if moved is not None:
        return moved
    origins = size_origins(tree, arg, site.line, len(shape) - 1)
    if origins is None:
        return None
    changes = _changed_origins(origins, old[1:], shape[1:], site.line)
    if changes is not None and len(changes) >= 2 and sorted(map(str, (b for _o, b, _a in changes))) \
            == sorted(map(str, (a for _o, _b, a in changes))):
        return None  # the written values traded among their names: each name would mean the other's size
    return _rebinding(site.file, changes) if changes is not None else None


def _constructed_at(site, names: tuple[str, ...]) -> tuple[ast.AST, ast.Call] | None:
    """(the file's tree, the one call of a class in *names* written at *site*), or None."""
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    tree, around = source_tree_and_calls_at(site)
    calls = [n for n in around if called_name(n.func) in names]
    return (tree, calls[0]) if len(calls) == 1 else None


def _changed_origins(origins: list, old: tuple, new: tuple, line: int) -> list[tuple] | None:
    """(origin, old size, new size) for each written expression whose axis changes; None when an axis
    that changes has no written size (or a new size of None), one expression would take two sizes or
    also sizes an axis that keeps its size, or every change would be written on *line* itself (the
    declaration's own line: the plain fix edits it there)."""
    wanted: dict[tuple, tuple] = {}
    kept: set[tuple] = set()
    for origin, before, after in zip(origins, old, new):
        if before == after:
            if origin is not None:
                kept.add(origin.key)
            continue
        if origin is None or after is None or wanted.get(origin.key, (origin, before, after))[2] != after:
            return None
        wanted[origin.key] = (origin, before, after)
    if not wanted or kept & set(wanted) or all(o.line == line for o, _b, _a in wanted.values()):
        return None
    return list(wanted.values())


def _elements_in(tree: ast.AST, whole: ast.expr, scope: ast.AST, depth: int = 0) -> list | None:
    """Like :func:`_elements`, each element with the written tuple or list it belongs to."""
    found = _resolve(tree, whole, scope, depth)
    if found is None or depth > _DEPTH:
        return None
    whole, scope = found
    if isinstance(whole, (ast.Tuple, ast.List)):
        return None if any(isinstance(e, ast.Starred) for e in whole.elts) else [(e, whole) for e in whole.elts]
    if isinstance(whole, ast.BinOp) and isinstance(whole.op, ast.Add):
        left, right = _elements_in(tree, whole.left, scope, depth + 1), _elements_in(tree, whole.right, scope, depth + 1)
        return None if left is None or right is None else left + right
    return None


def _permuted_tuple(file: str, tree: ast.AST, arg: ast.expr, line: int, old: tuple, new: tuple) -> SourceRebinding | None:
    """A declaration whose axes are the right sizes in the wrong order (``input_shape = (n_channels,
    im_height, im_width)`` for channels-last data made with the same names): the written tuple's
    elements reordered where it is written, so every name keeps its meaning. None unless *new* is a
    permutation of *old* with distinct sizes whose moved axes all come from one tuple written on
    another line than the declaration."""
    if len(old) != len(new) or old == new or sorted(map(str, old)) != sorted(map(str, new)) \
            or len(set(old)) != len(old) or None in old:
        return None
    elements = _elements_in(tree, arg, _enclosing(tree, line) or tree)
    if elements is None or len(elements) != len(old):
        return None
    order = [old.index(size) for size in new]
    moved = {i for i, j in enumerate(order) if i != j}
    parents = {id(elements[i][1]) for i in moved}
    if len(parents) != 1:
        return None
    parent = elements[next(iter(moved))][1]
    positions = [i for i, (_e, p) in enumerate(elements) if p is parent]
    if not moved <= set(positions) or any(order[i] not in positions for i in positions) \
            or parent.lineno == line or parent.lineno != parent.end_lineno:
        return None
    if any(isinstance(n, ast.Assign) and n.value is parent and isinstance(n.targets[0], (ast.Tuple, ast.List))
           for n in ast.walk(tree)):
        return None  # `n_steps, n_features = 10, 2`: swapping the values would swap what the names mean
    source = linecache.getline(file, parent.lineno)
    raw = source.encode()  # ast columns count UTF-8 bytes
    texts = {i: raw[elements[i][0].col_offset:elements[i][0].end_col_offset].decode(errors="replace")
             for i in positions}
    if any(not t for t in texts.values()):
        return None
    from shapedoctor.patch.textedit import TextEdit

    first, last = elements[positions[0]][0], elements[positions[-1]][0]
    inner = ", ".join(texts[order[i]] for i in positions)
    start = len(raw[:first.col_offset].decode(errors="replace"))
    end = len(raw[:last.end_col_offset].decode(errors="replace"))
    edit = TextEdit(file, parent.lineno, start, parent.lineno, end, inner)
    shown = (raw[:first.col_offset] + inner.encode() + raw[last.end_col_offset:]).decode(errors="replace")
    return SourceRebinding(file, parent.lineno, shown.strip(), (edit,))


def _new_text(file: str, origin: Origin, old, new: int) -> str:
    """What replaces *origin* so that it gives *new* instead of *old*: the literal, or the user's own
    expression adjusted by the difference (``fft_length // 2 + 1``, ``len(vocab) + 1``); ``-1`` (an axis
    of a Reshape target that absorbs the size) as itself."""
    if new == -1:
        return "-1"
    if origin.value is not None or origin.line != origin.end_line or not isinstance(old, int) or old == new:
        return str(new)
    segment = linecache.getline(file, origin.line)[origin.col:origin.end_col]
    try:
        expr = ast.parse(segment, mode="eval").body
    except SyntaxError:
        return str(new)
    delta = new - old
    scaled = _scaled_product(segment, expr, old, new)
    if scaled is not None:
        return scaled
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Sub)) and isinstance(expr.right, ast.Constant) \
            and type(expr.right.value) is int:
        constant = expr.right.value + delta if isinstance(expr.op, ast.Add) else expr.right.value - delta
        left = ast.get_source_segment(segment, expr.left) or ""
        if constant == 0:
            return left
        sign = "+" if (constant > 0) == isinstance(expr.op, ast.Add) else "-"
        return f"{left} {sign} {abs(constant)}"
    low = isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.LShift, ast.RShift, ast.BitOr, ast.BitAnd,
                                                                ast.BitXor))
    base = f"({segment})" if low else segment
    return f"{base} + {delta}" if delta > 0 else f"{base} - {-delta}"


def _scaled_product(segment: str, expr: ast.expr, old: int, new: int) -> str | None:
    """A product with an integer literal factor (``(image_height // 4) * 64``, the features per step of a
    map of 64 channels) written for *new* by changing that factor (``* 128``), when the rest of the
    product divides *new*: the size the user computes keeps its form."""
    if not (isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mult)):
        return None
    for literal, rest in ((expr.right, expr.left), (expr.left, expr.right)):
        if not (isinstance(literal, ast.Constant) and type(literal.value) is int and literal.value > 0):
            continue
        if old % literal.value or not old // literal.value or new % (old // literal.value):
            continue
        factor = new // (old // literal.value)
        text = ast.get_source_segment(segment, rest) or ""
        if factor <= 0 or not text:
            return None
        if _parenthesized(segment, rest):
            text = f"({text})"
        return f"{text} * {factor}" if literal is expr.right else f"{factor} * {text}"
    return None


def _parenthesized(segment: str, expr: ast.expr) -> bool:
    """Whether *expr* is written inside its own parentheses in *segment*."""
    return _wrapped(segment, expr.col_offset, expr.end_col_offset or 0) is not None


def _wrapped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The columns of the parentheses written right around ``text[start:end]``, or None."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if not (before.endswith("(") and after.startswith(")")):
        return None
    return len(before) - 1, len(text) - len(after) + 1


def _passed_instead(file: str, changes: list[tuple[Origin, object, int]]) -> SourceRebinding | None:
    """One change of a parameter's default that the one call of its function leaves out, while the caller's
    module binds a name like the parameter to the new size (``NBeatsNet(backcast_length=time_steps, ...)``
    under ``input_dim = 2``, the function's ``input_dim=1``): the call passes ``input_dim=input_dim``, as the
    maintainer's answer does. The default stays for the function's other uses."""
    from shapedoctor.patch.textedit import TextEdit, apply_edits
    from shapedoctor.trace.sites import module_ints, source_tree

    if len(changes) != 1:
        return None
    origin, _old, new = changes[0]
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    owners = [(f, a.arg) for f in _functions(tree) for a, d in zip(f.args.args[len(f.args.args) - len(f.args.defaults):],
                                                                    f.args.defaults)
              if Origin.of(d).key == origin.key]
    if len(owners) != 1:
        return None
    function, param = owners[0]
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == function.name]
    if len(calls) != 1 or any(k.arg == param for k in calls[0].keywords) or any(
            isinstance(a, ast.Starred) for a in calls[0].args) or any(k.arg is None for k in calls[0].keywords) \
            or len(calls[0].args) > [a.arg for a in function.args.args].index(param):
        return None
    if module_ints(tree).get(param) != new:
        return None
    call = calls[0]
    edit = TextEdit.appending_argument(file, call, f"{param}={param}")
    lines = apply_edits("".join(linecache.getlines(file)), [edit]).splitlines()
    shown = "\n".join(line.strip() for line in lines[call.lineno - 1:call.end_lineno])
    return SourceRebinding(file, call.lineno, shown, (edit,))


def _rebinding(file: str, changes: list[tuple[Origin, object, int]]) -> SourceRebinding | None:
    """The edit that makes each origin give its new size (*changes*: origin, old size, new size)."""
    from shapedoctor.patch.textedit import TextEdit

    if not changes:
        return None
    passed = _passed_instead(file, changes)
    if passed is not None:
        return passed
    edits, lines = [], {}
    for origin, before, size in sorted(changes, key=lambda change: change[0].key, reverse=True):
        text = _new_text(file, origin, before, size)
        edits.insert(0, TextEdit(file, origin.line, origin.col, origin.end_line, origin.end_col, text))
        raw = lines.get(origin.line, linecache.getline(file, origin.line))  # later origins of a line already written
        if origin.end_line == origin.line:
            lines[origin.line] = raw[:origin.col] + text + raw[origin.end_col:]
        else:
            lines[origin.line] = raw[:origin.col] + text
    shown = [lines[line].strip() for line in sorted(lines)]
    first = min(e.start_line for e in edits)
    return SourceRebinding(file, first, "\n".join(shown), tuple(edits))


def argument_rebinding(site, cls: type, key: str, old: int, new: int) -> SourceRebinding | None:
    """When argument *key* of the layer constructed at *site* (class *cls*; given by keyword or by
    position) is an expression written elsewhere (``Embedding(vocab_size, ...)`` inside a model's
    ``__init__`` and ``vocab_size = len(vocab)`` at module level): the edit there that makes it *new*.
    None when the argument is written on the layer's own line or cannot be followed."""
    import inspect

    if site is None or not site.file or not isinstance(old, int) or not isinstance(new, int):
        return None
    found = _constructed_at(site, (cls.__name__,))
    if found is None:
        return None
    tree, call = found
    arg = next((k.value for k in call.keywords if k.arg == key), None)
    if arg is None:
        try:
            names = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
        except (TypeError, ValueError):
            return None
        position = names.index(key) if key in names else -1
        arg = call.args[position] if 0 <= position < len(call.args) else None
    if arg is None or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    found = _resolve(tree, arg, _enclosing(tree, site.line) or tree)
    if found is None or not _sized(found):
        return None
    if found[0].lineno == site.line:
        return None  # written on the layer's own line: the plain config fix edits it there
    return _rebinding(site.file, [(Origin.of(found[0]), old, new)])


def target_rebinding(site, cls_name: str, key: str, old: tuple, new: tuple) -> SourceRebinding | None:
    """When the tuple argument *key* (the first positional one or the keyword) of the layer of class
    *cls_name* constructed at *site* is written elsewhere (``new_shape = ((image_width // 4),
    (image_height // 4) * 64)`` then ``Reshape(target_shape=new_shape)``): the edit there that makes it
    *new* (no batch axis; ``-1`` where an axis absorbs the size), each changed element rewritten in the
    user's own terms. None when the argument is written on the layer's line, cannot be followed, or one
    written expression sizes an axis that changes and one that does not."""
    if site is None or not site.file or len(old) != len(new) or old == tuple(new):
        return None
    found = _constructed_at(site, (cls_name,))
    if found is None:
        return None
    tree, call = found
    arg = next((k.value for k in call.keywords if k.arg == key), None)
    if arg is None and call.args and not isinstance(call.args[0], ast.Starred):
        arg = call.args[0]
    if arg is None or isinstance(arg, (ast.Tuple, ast.List)):
        return None  # written on the layer's own line: the plain config fix edits it there
    origins = size_origins(tree, arg, site.line, len(old))
    if origins is None or None in origins or not all(isinstance(d, int) for d in new):
        return None
    changes = _changed_origins(origins, old, new, site.line)
    if changes is None:
        return None
    # An axis that absorbs the size: `((-1), ...)` would read as a mistake, the parentheses go too.
    return _rebinding(site.file, [(_with_parentheses(site.file, o) if a == -1 else o, b, a) for o, b, a in changes])


def _with_parentheses(file: str, origin: Origin) -> Origin:
    """*origin* widened to the parentheses written around it on its line, if any."""
    if origin.line != origin.end_line:
        return origin
    around = _wrapped(linecache.getline(file, origin.line), origin.col, origin.end_col)
    return origin if around is None else Origin(origin.line, around[0], origin.end_line, around[1], origin.value)
