"""Find the user's own source line on the current call stack.

A *site* is the first stack frame that belongs to the user's code: not Keras,
TensorFlow, JAX, torch, NumPy, the standard library, or shapedoctor itself. Layer
creation sites and call sites are both found this way.
"""

from __future__ import annotations

import linecache
import os
import sys
import sysconfig
import traceback
import types
import weakref
from dataclasses import dataclass
from functools import lru_cache

_SHAPEDOCTOR_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_STDLIB_DIRS = tuple(
    os.path.abspath(p) + os.sep
    for p in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
    if p
)
# Code compiled from these pseudo-files belongs to the user (notebooks, IPython).
_USER_PSEUDO_PREFIXES = ("<ipython-input-", "/tmp/ipykernel_", "<cell ")
# Extra filenames (e.g. notebook cells) registered as user code with a display name.
_DISPLAY_NAMES: dict[str, str] = {}


@dataclass(frozen=True)
class Site:
    """A place in the user's source: file as the user named it, 1-based line, code text."""

    file: str
    line: int
    code: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


def register_display_name(filename: str, display: str) -> None:
    """Show *filename* (e.g. a compiled notebook cell) as *display* in reports."""
    _DISPLAY_NAMES[filename] = display
    _is_library.cache_clear()


@lru_cache(maxsize=4096)
def _is_library(filename: str) -> bool:
    if filename in _DISPLAY_NAMES:
        return False
    if filename.startswith("<"):
        return not filename.startswith(_USER_PSEUDO_PREFIXES)
    path = os.path.abspath(filename)
    if os.sep + "site-packages" + os.sep in path or os.sep + "dist-packages" + os.sep in path:
        return True
    if path.startswith(_SHAPEDOCTOR_DIR + os.sep):
        return True
    return path.startswith(_STDLIB_DIRS)


_AUTOGRAPH_MARK = "__autograph_generated_file"  # tf.function's converted copy of a user function
_SOURCE_MAPS: dict = {}  # a converted function's code object -> its map back to the user's lines


def _autograph_origin(code, lineno: int) -> tuple[str, int] | None:
    """The user's own (file, line) that autograph converted into *lineno* of *code*, read from the
    ``ag_source_map`` TensorFlow attaches to the converted function; None when it cannot be found."""
    source_map = _SOURCE_MAPS.get(code)
    if source_map is None:
        import gc

        source_map = next((getattr(fn, "ag_source_map", None) for fn in gc.get_referrers(code)
                           if getattr(fn, "__code__", None) is code and getattr(fn, "ag_source_map", None)), None)
        if not source_map:
            return None
        _SOURCE_MAPS[code] = source_map
    for key, origin in source_map.items():
        if getattr(key, "lineno", None) == lineno:
            loc = getattr(origin, "loc", None)
            if loc is not None and getattr(loc, "filename", None) and getattr(loc, "lineno", None):
                return loc.filename, loc.lineno
    return None


def user_location(code, lineno: int) -> tuple[str, int] | None:
    """Where a frame running *code* at *lineno* is in the user's source: (file, line), or None for
    library code. A function converted by ``tf.function`` runs from a generated file; its line is
    mapped back to the user's own (unmapped generated code counts as a library's)."""
    filename = code.co_filename
    if _AUTOGRAPH_MARK in filename:
        mapped = _autograph_origin(code, lineno)
        if mapped is None:
            return None
        filename, lineno = mapped
    return None if _is_library(filename) else (filename, lineno)


def _site_at(code, lineno: int) -> Site | None:
    where = user_location(code, lineno)
    if where is None:
        return None
    return Site(display_path(where[0]), where[1], linecache.getline(where[0], where[1]).strip())


def is_user_file(filename: str) -> bool:
    """True when *filename* holds user code rather than a library's."""
    return not _is_library(filename)


def display_path(filename: str) -> str:
    """The path as the user gave it (the script path stays relative if it was)."""
    return _DISPLAY_NAMES.get(filename, filename)


def user_site(skip: int = 1) -> Site | None:
    """The innermost stack frame in user code, or None when there is none."""
    frame = sys._getframe(skip)
    while frame is not None:
        site = _site_at(frame.f_code, frame.f_lineno)
        if site is not None:
            return site
        frame = frame.f_back
    return None


def construction_site(obj, skip: int = 1) -> Site | None:
    """Where the user's code constructs *obj*: the innermost user frame that is not a method of
    *obj*'s own class (a custom layer's own ``__init__`` calling ``super().__init__``).

    Frames are told apart by their code object, never by reading ``frame.f_locals``: on CPython
    3.11 that leaves a snapshot of the locals on the frame, which keeps objects the user's code
    has since deleted alive (a recorder must not change when a model is freed).
    """
    own = _method_codes(type(obj))
    frame = sys._getframe(skip)
    while frame is not None:
        site = _site_at(frame.f_code, frame.f_lineno) if frame.f_code not in own else None
        if site is not None:
            return site
        frame = frame.f_back
    return user_site(skip + 1)


_METHOD_CODES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # a class -> its codes


def _method_codes(cls: type) -> frozenset:
    """The code objects of the functions *cls* and its bases define (methods, properties);
    cached without keeping the class alive."""
    try:
        return _METHOD_CODES[cls]
    except (KeyError, TypeError):
        pass
    codes = set()
    for klass in cls.__mro__:
        for value in list(vars(klass).values()):
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if isinstance(value, property):
                candidates = (value.fget, value.fset, value.fdel)
            else:
                candidates = (value,)
            for function in candidates:
                code = getattr(function, "__code__", None)
                if isinstance(code, types.CodeType):
                    codes.add(code)
    found = frozenset(codes)
    try:
        _METHOD_CODES[cls] = found
    except TypeError:
        pass
    return found


def user_frame(skip: int = 1):
    """The innermost stack frame in user code (a frame object), or None when there is none."""
    frame = sys._getframe(skip)
    while frame is not None and user_location(frame.f_code, frame.f_lineno) is None:
        frame = frame.f_back
    return frame


def user_frame_of_traceback(tb):
    """The innermost user frame of a traceback (a frame object, kept alive by the traceback), or None."""
    found = None
    for frame, line in traceback.walk_tb(tb):
        if user_location(frame.f_code, line) is not None:
            found = frame
    return found


def site_from_traceback(tb) -> Site | None:
    """The innermost user frame of a traceback (where the user's code raised)."""
    found = None
    for frame, line in traceback.walk_tb(tb):
        found = _site_at(frame.f_code, line) or found
    return found


def outermost_user_site(tb) -> Site | None:
    """The outermost user frame of a traceback: the statement of the script (not of a helper it
    called) that led to the error, e.g. the module-level ``model = build()`` line."""
    for frame, line in traceback.walk_tb(tb):
        site = _site_at(frame.f_code, line)
        if site is not None:
            return site
    return None


def called_name(func) -> str | None:
    """The name an ``ast.Call``'s ``func`` calls by: ``Dense`` for ``Dense(...)`` and for
    ``layers.Dense(...)`` (the last attribute); None for anything else (``f()()``, ``x[0]()``)."""
    import ast

    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def source_tree_and_calls_at(site: Site):
    """The parsed file of *site* and its ``ast.Call`` nodes whose lines span the site's line
    (``(None, [])`` when the file cannot be read or parsed)."""
    import ast

    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return None, []
    return tree, [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                  and n.lineno <= site.line <= (n.end_lineno or n.lineno)]


_DECLARING = ("input_shape", "batch_input_shape", "input_dim", "shape", "batch_shape")


def declaring_line(site: Site) -> int:
    """The line of the keyword that declares the input shape (``input_shape=``, ``shape=``, ...) in the
    call written at *site* when the call spans several lines (a ``Dense(`` whose ``input_shape=`` is four
    lines down): the line an expert edits. The site's own line otherwise."""
    _tree, calls = source_tree_and_calls_at(site)
    starting = [c for c in calls if c.lineno == site.line]
    values = [k.value for c in starting for k in c.keywords if k.arg in _DECLARING]
    return values[0].lineno if len(values) == 1 else site.line


def source_tree(file: str):
    """The parsed module (``ast``) of the user's *file* as ``linecache`` holds it now (a notebook cell,
    an edited file: the text decides), parsed once per text; raises ``SyntaxError``/``ValueError`` like
    ``ast.parse``. Readers share the tree: they must not change it."""
    return _parsed_text("".join(linecache.getlines(file)))


@lru_cache(maxsize=16)
def _parsed_text(text: str):
    import ast

    return ast.parse(text)


def imported_names(tree) -> set[str]:
    """The names a parsed module's imports bind anywhere in it (``tf`` for ``import tensorflow as tf``,
    ``ops`` for ``from keras import ops``): what a fix may write without adding an import."""
    import ast

    return {a.asname or a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
            for a in n.names}


def constant_statements(tree) -> dict:
    """The module-level ``NAME = <literal>`` statements of a parsed module, by name (the last one wins)."""
    import ast

    return {s.targets[0].id: s for s in getattr(tree, "body", []) if isinstance(s, ast.Assign)
            and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Constant)}


def module_ints(tree) -> dict[str, int]:
    """The names the module's top level binds to an int literal, alone (``N = 2``) or unpacked from a
    tuple of literals (``HISTORY, N_FEATURES = 3, 5``); the last binding wins."""
    import ast

    found: dict[str, int] = {}
    for statement in tree.body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            continue
        target, value = statement.targets[0], statement.value
        pairs = ([(target, value)] if isinstance(target, ast.Name) else
                 list(zip(target.elts, value.elts)) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple)
                 and len(target.elts) == len(value.elts) else [])
        for name, literal in pairs:
            if isinstance(name, ast.Name) and isinstance(literal, ast.Constant) and type(literal.value) is int:
                found[name.id] = literal.value
    return found


def int_value(node, ints: dict[str, int]) -> int | None:
    """The int an expression of int literals, names bound in *ints* (see :func:`module_ints`) and
    ``+ - * //`` spells (``2 * context_size + 1``), or None when it spells anything else."""
    import ast
    import operator

    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv}
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name):
        return ints.get(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = int_value(node.operand, ints)
        return None if inner is None else -inner
    if isinstance(node, ast.BinOp) and type(node.op) in ops:
        left, right = int_value(node.left, ints), int_value(node.right, ints)
        if left is None or right is None or (isinstance(node.op, ast.FloorDiv) and right == 0):
            return None
        return ops[type(node.op)](left, right)
    return None
