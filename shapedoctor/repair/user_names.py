"""Which of the user's own names may spell a new size in a fix, at a given line of their file.

``trace/scope.py`` snapshots the sizes a script's module binds (``num_classes = 10``, ``len(chars)``
of a 27-character list). A fix that sets ``units`` to 27 is written ``Dense(len(chars))`` only when
the name is safe to use at that line and plainly means a size:

* it is bound exactly once at module level, before the line (or the line is inside a function,
  which runs later), and no function around the line binds it again (no shadowing);
* the program reads it elsewhere (``len(chars)`` must appear as written), so it is a quantity the
  program works with, not a leftover;
* it is not a loop variable and not a training setting (a name given as ``epochs=``,
  ``batch_size=``, ``verbose=``... or named like one, a rate included): ``Dense(epochs)`` or
  ``Dense(sampling_rate)`` would run and mean nothing;
* exactly one name qualifies: two names holding the same number leave the literal.
"""

from __future__ import annotations

import ast
import linecache
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Keywords whose values are training settings, never layer sizes.
_SETTING_KEYWORDS = frozenset({
    "epochs", "batch_size", "verbose", "steps_per_epoch", "validation_steps", "validation_batch_size",
    "patience", "seed", "random_state", "workers", "initial_epoch", "validation_freq", "max_queue_size",
    "buffer_size", "steps", "n_splits", "n_jobs",
})
_SETTING_NAME = re.compile(r"epoch|batch|seed|verbose|patience|worker|buffer|iter|split|fold|random|rate", re.I)


@dataclass
class _FileFacts:
    module_bindings: dict[str, list[int]] = field(default_factory=dict)  # name -> lines bound at module level
    loads: set[str] = field(default_factory=set)  # names read anywhere
    len_calls: set[str] = field(default_factory=set)  # "len(name)" as written
    settings: set[str] = field(default_factory=set)  # names passed as a training setting, or loop variables
    functions: list[tuple[int, int, set[str]]] = field(default_factory=list)  # (first, last line, names bound)
    # def line -> the function's own bindings (parameters at the def line, then its statements)
    function_bindings: dict[int, dict[str, list[int]]] = field(default_factory=dict)


def size_expression(value: int, file: str | None, line: int | None, sizes: dict[str, int]) -> str | None:
    """The user's expression for *value* usable at *file*:*line*, or None (then the literal is written)."""
    if not file or not line or isinstance(value, bool) or not isinstance(value, int):
        return None
    held = _parameter_holding(value, file, line, sizes or {})
    if held is not None or not sizes:
        return held
    candidates = [expr for expr, v in sizes.items() if v == value]
    if not candidates:
        return None
    facts = _facts(file, _source_text(file))
    if facts is None:
        return None
    around = [(first, names) for first, last, names in facts.functions if first <= line <= last]
    usable = {plain for expr in candidates if (plain := _usable(expr, file, line, facts, around))}
    if len(usable) > 1:  # `vocab_size = len(vocabulary)`: one quantity under two spellings, the name it was given
        usable -= {_bound_to(name, file, facts) for name in usable}
    return usable.pop() if len(usable) == 1 else None


def _bound_to(name: str, file: str, facts: _FileFacts) -> str | None:
    """The expression written on the one module-level line binding *name* (``name = <expression>``), or None."""
    lines = facts.module_bindings.get(name, [])
    if len(lines) != 1:
        return None
    match = re.fullmatch(rf"\s*{re.escape(name)}\s*=\s*(.+?)\s*(#.*)?", linecache.getline(file, lines[0]).rstrip("\n"))
    return match.group(1) if match else None


def shape_spelling(shape: tuple, file: str | None, line: int | None, sizes: dict[str, int]) -> list[str] | None:
    """The axes of *shape* as the file spells a tuple of exactly those sizes with its names (the input
    declaration ``shape=(img_height, img_width, 3)``), when each name may be written at *line*.

    Two names holding one number (``img_height, img_width = 64, 64``) cannot be told apart by value,
    but the declaration that reads them says which is which. None when no such tuple is written, when
    tuples spell it differently, or when it is written with literals only."""
    if not sizes or not file or not line or not shape or not all(isinstance(d, int) for d in shape):
        return None
    source = _source_text(file)
    facts = _facts(file, source)
    try:
        tree = ast.parse(source, filename=file)
    except (SyntaxError, ValueError):
        return None
    if facts is None:
        return None
    around = [(first, names) for first, last, names in facts.functions if first <= line <= last]
    spellings = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Tuple) or len(node.elts) != len(shape):
            continue
        texts = []
        for elt, want in zip(node.elts, shape):
            if isinstance(elt, ast.Constant) and type(elt.value) is int and elt.value == want:
                texts.append(str(want))
            elif isinstance(elt, ast.Name) and sizes.get(elt.id) == want and _usable(elt.id, file, line, facts, around):
                texts.append(elt.id)
            else:
                break
        if len(texts) == len(shape) and any(not t.isdigit() for t in texts):
            spellings.add(tuple(texts))
    return list(spellings.pop()) if len(spellings) == 1 else None


def _usable(key: str, file: str, line: int, facts: _FileFacts, around: list[tuple[int, set[str]]]) -> str | None:
    """The expression *key* stands for, when it may be written at *line*; else None."""
    expr, local_to = key, None
    if key.startswith("@"):  # a local of the function defined at that line (trace/scope.py)
        where, expr = key[1:].split("|", 1)
        first, base = where.split("@", 1)
        if base != os.path.basename(file) or not around or around[-1][0] != int(first):
            return None  # only inside that very function, as its innermost scope
        local_to = int(first)
    is_len = expr.startswith("len(")
    name = expr[4:-1] if is_len else expr
    if local_to is None:
        bound = facts.module_bindings.get(name, [])
        if len(bound) != 1 or (not around and bound[0] >= line) or any(name in names for _, names in around):
            return None
    else:
        bound = facts.function_bindings.get(local_to, {}).get(name, [])
        if len(bound) != 1 or (bound[0] >= line and bound[0] != local_to):  # a parameter is bound at the def
            return None
    if name in facts.settings or _SETTING_NAME.search(name):
        return None
    return expr if (expr in facts.len_calls if is_len else name in facts.loads) else None


def _parameter_holding(value: int, file: str, line: int, sizes: dict[str, int]) -> str | None:
    """The parameter of the ``__init__`` around *line* that holds *value* in every construction of its class
    the file writes (``TransformerBlock(embed_dim, num_heads, ff_dim)`` with ``embed_dim = 32`` at module
    level: ``embed_dim`` inside ``__init__``, r1096), when exactly one does; else None. An argument counts
    when it is an int literal or a module-level name whose value is known; a default counts when not passed;
    a parameter of the ``__init__`` the construction is written in passes on what that parameter holds in
    every construction of its own class (``FeedForward(d_model, dff)`` inside ``EncoderLayer.__init__``, built
    as ``Transformer(d_model=32, ...)`` two classes up, r814)."""
    from shapedoctor.trace.sites import source_tree

    try:
        tree = source_tree(file)  # parsed once per text, for every size this fix spells
    except (SyntaxError, ValueError):
        return None
    owners = _inits_around(tree, line)
    if len(owners) != 1:
        return None
    cls, init = owners[0]
    params = [a.arg for a in init.args.args[1:]]
    holding = [param for param in params
               if _parameter_values(tree, cls, init, param, sizes, 3) == {value} and not _SETTING_NAME.search(param)]
    return holding[0] if len(holding) == 1 else None


def _inits_around(tree: ast.Module, line: int) -> list[tuple[ast.ClassDef, ast.FunctionDef]]:
    """(class, its ``__init__``) of every ``__init__`` written around *line*."""
    return [(c, f) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for f in c.body
            if isinstance(f, ast.FunctionDef) and f.name == "__init__" and f.lineno < line <= (f.end_lineno or 0)]


def _parameter_values(tree: ast.Module, cls: ast.ClassDef, init: ast.FunctionDef, param: str, sizes: dict,
                      depth: int) -> set[int] | None:
    """The ints *param* of *cls*'s ``__init__`` holds over every construction of *cls* the file writes, or None
    when one of them is not known (see :func:`_parameter_holding`)."""
    from shapedoctor.diagnosis.data_origin import int_value

    params = [a.arg for a in init.args.args[1:]]
    defaults = dict(zip(params[len(params) - len(init.args.defaults):], init.args.defaults))
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and (getattr(n.func, "id", None) == cls.name
                                                                      or getattr(n.func, "attr", None) == cls.name)]
    if not made or any(isinstance(a, ast.Starred) for n in made for a in n.args) \
            or any(k.arg is None for n in made for k in n.keywords):
        return None
    i = params.index(param)
    values: set[int] = set()
    for call in made:
        given = call.args[i] if i < len(call.args) else next(
            (k.value for k in call.keywords if k.arg == param), defaults.get(param))
        known = int_value(given, sizes)
        if known is None and depth > 0 and isinstance(given, ast.Name):
            outer = _inits_around(tree, call.lineno)
            if len(outer) == 1 and given.id in [a.arg for a in outer[0][1].args.args[1:]] \
                    and outer[0][0] is not cls:
                passed = _parameter_values(tree, *outer[0], given.id, sizes, depth - 1)
                known = passed.pop() if passed is not None and len(passed) == 1 else None
        if known is None:
            return None
        values.add(known)
    return values


def _source_text(file: str) -> str:
    return "".join(linecache.getlines(file))


@lru_cache(maxsize=16)
def _facts(file: str, source: str) -> _FileFacts | None:
    try:
        tree = ast.parse(source, filename=file)
    except (SyntaxError, ValueError):
        return None
    facts = _FileFacts()
    _module_bindings(tree.body, facts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            facts.loads.add(node.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" \
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name):
            facts.len_calls.add(f"len({node.args[0].id})")
        if isinstance(node, ast.Call):
            facts.settings.update(kw.value.id for kw in node.keywords
                                  if kw.arg in _SETTING_KEYWORDS and isinstance(kw.value, ast.Name))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            facts.settings.update(_target_names(node.target))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            bound = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
            body = node.body if isinstance(node.body, list) else []
            for inner in (n for stmt in body for n in ast.walk(stmt)):
                if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                    bound.add(inner.id)
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            facts.functions.append((first, node.end_lineno or node.lineno, bound))
            if body:
                own: dict[str, list[int]] = {a: [node.lineno] for a in
                                             (x.arg for x in ast.walk(node.args) if isinstance(x, ast.arg))}
                scratch = _FileFacts(module_bindings=own)
                _module_bindings(body, scratch)
                facts.function_bindings[first] = scratch.module_bindings
    return facts


def _module_bindings(body: list[ast.stmt], facts: _FileFacts) -> None:
    """Names bound by module-level statements (inside if/for/while/with/try blocks too, not in def/class)."""
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        targets: list[ast.AST] = []
        if isinstance(stmt, ast.Assign):
            targets = list(stmt.targets)
        elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
            targets = [stmt.target]
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            targets = [stmt.target]
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            targets = [item.optional_vars for item in stmt.items if item.optional_vars is not None]
        for target in targets:
            for name in _target_names(target):
                facts.module_bindings.setdefault(name, []).append(stmt.lineno)
        for block in ("body", "orelse", "finalbody"):
            _module_bindings(getattr(stmt, block, []) or [], facts)
        for handler in getattr(stmt, "handlers", []) or []:
            _module_bindings(handler.body, facts)


def _target_names(target: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
