"""Add the imports a fix needs, in the file's own import style.

A fix may use a name the file never binds: ``np``, ``keras``, ``layers``, or a layer class
written bare (``Reshape(...)``) in a file that imports layers by name. The names the patch
makes free (:func:`new_free_names`, read with :mod:`symtable`) are bound by extending the
import the file already has, with libcst so the rest of the statement keeps its formatting:
``from keras.layers import Dense, LSTM`` becomes ``from keras.layers import Dense, LSTM,
Reshape`` (same module spelling, ``tensorflow.keras.layers`` included; a ``keras.src...``
import is never extended). Only when the file has no such import is a new line added after
its last top-level import.
"""

from __future__ import annotations

import ast
import builtins
import symtable
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from shapedoctor.patch.textedit import TextEdit

# Public spellings of the Keras packages a file may import from (never ``keras.src``).
_LAYER_MODULES = ("keras.layers", "tensorflow.keras.layers", "tf_keras.layers")
_KERAS_MODULES = ("keras", "tensorflow.keras", "tf_keras")
_PLAIN = {"np": "import numpy as np", "tf": "import tensorflow as tf", "keras": "import keras"}


def bound_names(source: str) -> set[str]:
    """Names bound at the top level of *source* (imports, assignments, definitions)."""
    try:
        table = symtable.symtable(source, "<source>", "exec")
    except (SyntaxError, ValueError):
        return set()
    return {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}


def layer_module_aliases(source: str) -> set[str]:
    """Names *source* binds to a Keras layers module (``import keras.layers as L``,
    ``from tensorflow.keras import layers as kl``)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    out = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            out.update(a.asname for a in node.names if a.asname and a.name in _LAYER_MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module in _KERAS_MODULES:
            out.update(a.asname or a.name for a in node.names if a.name == "layers")
    return out


def free_names(source: str) -> set[str] | None:
    """Global names *source* reads and never binds (builtins excepted); None if it does not parse."""
    try:
        top = symtable.symtable(source, "<source>", "exec")
    except (SyntaxError, ValueError):
        return None
    bound = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported()}
    read: set[str] = set()
    tables = [top]
    while tables:
        table = tables.pop()
        tables.extend(table.get_children())
        for sym in table.get_symbols():
            if not sym.is_referenced():
                continue
            if table is top or sym.is_global():
                read.add(sym.get_name())
    return {n for n in read - bound if not hasattr(builtins, n)}


def new_free_names(before: str, after: str) -> list[str]:
    """Names that *after* reads without binding them and *before* did not (in order of appearance)."""
    was, now = free_names(before), free_names(after)
    if was is None or now is None:
        return []
    order = {}
    for node in ast.walk(ast.parse(after)):
        if isinstance(node, ast.Name):
            order.setdefault(node.id, (node.lineno, node.col_offset))
    return sorted(now - was, key=lambda n: order.get(n, (0, 0)))


@dataclass
class _From:
    module: str
    names: list[str]
    star: bool
    node: cst.ImportFrom
    start: tuple[int, int]
    end: tuple[int, int]


def _dotted(node: cst.BaseExpression | None) -> str:
    return cst.Module([]).code_for_node(node) if node is not None else ""


def _top_imports(module: cst.Module) -> tuple[list[_From], list[str], int]:
    """The module's top-level ``from`` imports, the modules of its plain imports, and the
    line after its last top-level import (0 when it has none)."""
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    froms, plain, last = [], [], 0
    for stmt in wrapper.module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.ImportFrom) and not small.relative:
                pos = positions[small]
                star = isinstance(small.names, cst.ImportStar)
                names = [] if star else [_dotted(a.asname.name if a.asname else a.name) for a in small.names]
                froms.append(_From(_dotted(small.module), names, star, small,
                                   (pos.start.line, pos.start.column), (pos.end.line, pos.end.column)))
                last = positions[stmt].end.line + 1
            elif isinstance(small, cst.Import):
                plain += [_dotted(a.name) for a in small.names]
                last = positions[stmt].end.line + 1
    return froms, plain, last


def is_layer_class(name: str) -> bool:
    try:
        import keras

        return name[:1].isupper() and isinstance(getattr(keras.layers, name, None), type)
    except ImportError:  # pragma: no cover - no Keras: shapedoctor run never gets here
        return False


def _extend(imp: _From, name: str, file: str) -> TextEdit:
    """The ``from`` import *imp* with *name* added at the end of its list."""
    aliases = list(imp.node.names)
    last = aliases[-1]
    if last.comma is cst.MaybeSentinel.DEFAULT or not imp.node.lpar:
        aliases[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        aliases.append(cst.ImportAlias(name=cst.Name(name)))
    elif len(aliases) > 1:  # one per line with a trailing comma: a new line in the same layout
        aliases[-1] = last.with_changes(comma=aliases[-2].comma)
        aliases.append(cst.ImportAlias(name=cst.Name(name), comma=last.comma))
    else:
        aliases.insert(0, cst.ImportAlias(name=cst.Name(name),
                                          comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))))
    text = cst.Module([]).code_for_node(imp.node.with_changes(names=aliases))
    return TextEdit(file, imp.start[0], imp.start[1], imp.end[0], imp.end[1], text)


def _spelling(froms: list[_From], plain: list[str]) -> str:
    """``tensorflow.keras`` when the file imports Keras through TensorFlow's spelling, else ``keras``."""
    modules = [f.module for f in froms] + plain
    if any(m == "keras" or m.startswith("keras.") for m in modules):
        return "keras"
    if any(m == "tensorflow.keras" or m.startswith("tensorflow.keras.") for m in modules):
        return "tensorflow.keras"
    return "keras"


def _star_covers(froms: list[_From], name: str, layer_class: bool) -> bool:
    for imp in froms:
        if imp.star and ((layer_class and imp.module in _LAYER_MODULES)
                         or (name == "layers" and imp.module in _KERAS_MODULES)):
            return True
    return False


def import_edits(file: str, before: str, after: str) -> list[TextEdit]:
    """Edits of *before* that bind the names *after* (the fix applied) newly leaves free."""
    names = new_free_names(before, after)
    if not names:
        return []
    try:
        module = cst.parse_module(before)
    except (cst.ParserSyntaxError, ValueError):
        return []
    froms, plain, last = _top_imports(module)
    if not last:
        last = _after_docstring(before)
    extended: dict[int, tuple[_From, list[str]]] = {}
    lines: list[str] = []
    spelling = _spelling(froms, plain)
    for name in names:
        layer_class = is_layer_class(name)
        if _star_covers(froms, name, layer_class):
            continue
        if layer_class:
            target = next((f for f in froms if not f.star and f.module in _LAYER_MODULES), None)
            new_line = f"from {spelling}.layers import {name}"
        elif name == "layers":
            target = next((f for f in froms if not f.star and f.module in _KERAS_MODULES), None)
            new_line = f"from {spelling} import layers"
        elif name in _PLAIN:
            target, new_line = None, _PLAIN[name]
        else:
            continue  # not a name shapedoctor writes: the proof will say what is wrong
        if target is not None:
            extended.setdefault(id(target), (target, []))[1].append(name)
        else:
            lines.append(new_line)
    edits = []
    for target, added in extended.values():
        imp = target
        for name in added:
            edit = _extend(imp, name, file)
            imp = _From(imp.module, imp.names + [name], False, cst.parse_statement(edit.text).body[0],
                        imp.start, imp.end)
        edits.append(TextEdit(file, target.start[0], target.start[1], target.end[0], target.end[1],
                              cst.Module([]).code_for_node(imp.node)))
    edits += [TextEdit.insert_line(file, last, stmt) for stmt in lines]
    return edits


def _after_docstring(source: str) -> int:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return 1
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant) and isinstance(
            first.value.value, str):
        return first.end_lineno + 1
    return 1
