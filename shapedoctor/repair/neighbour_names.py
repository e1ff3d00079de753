"""A new size spelled the way the layers beside it spell it: ``Dense(width)``, not ``Dense(32)``.

Inside a block-building function (``def residual_block(width): ...``) a size is most often one of
the function's parameters or a name of an enclosing function, which ``trace/scope.py`` does not see
(it snapshots the module and the frame that failed, never the frames that built layers, whose
locals must not be read). The layers created in the same function already show how the user
spells a size: when a fix gives a layer a size that another layer of that function received
through an argument written only with names (``Conv2D(width, 3)``), the fix is written with that
expression. It is used only when the expression surely means the same number at the fixed line:

* both layers are created in the same innermost function (its names resolve the same way at both
  lines; the module level is ``repair/user_names.py``'s job, with its own checks);
* no name of the expression is assigned anywhere in that function's body (a parameter of it or of
  an enclosing function, or a global): its value cannot change between the two lines;
* every layer created at that line got the same value (a block called with other widths elsewhere
  leaves the literal: which call failed is not known here);
* exactly one distinct expression qualifies.
"""

from __future__ import annotations

import ast
import linecache
from functools import lru_cache

from shapedoctor.repair.data_follows import innermost_function
from shapedoctor.trace.sites import called_name

_SIZE_KEYS = ("units", "filters")


def spelled_by_neighbours(graph, file: str | None, line: int | None, value, keys: tuple = _SIZE_KEYS) -> str | None:
    """The expression a layer of the same function as *file*:*line* wrote for *value* as its
    ``units`` or ``filters`` (a Dense may take its width from a convolution beside it), or as one of
    *keys* (``strides``: a main path strided like the shortcut beside it, ``strides=strides``)."""
    if not file or not line or isinstance(value, bool) or not isinstance(value, (int, tuple, list)):
        return None
    tree = _tree(file, "".join(linecache.getlines(file)))
    function = innermost_function(tree, line) if tree is not None else None
    if function is None:
        return None
    by_line: dict[tuple[int, str], list] = {}
    for spec in graph.layers.values():
        site = spec.created
        key = next((k for k in keys if isinstance(spec.config.get(k), (int, tuple, list))), None)
        if site is not None and site.file == file and site.line != line and not spec.inserted and key \
                and innermost_function(tree, site.line) is function:
            by_line.setdefault((site.line, key), []).append(spec)
    assigned = _assigned_in(function)
    found = set()
    for (at, key), specs in by_line.items():
        if any(not _same(s.config.get(key), value) for s in specs) or len({s.cls for s in specs}) != 1:
            continue
        expr = _argument_text(tree, file, at, specs[0].cls, key)
        if expr is None:
            continue
        names = {n.id for n in ast.walk(ast.parse(expr, mode="eval")) if isinstance(n, ast.Name)}
        if names and not names & assigned:
            found.add(expr)
    return found.pop() if len(found) == 1 else None


def _same(config_value, value) -> bool:
    """``(2, 2)`` in a config is the ``2`` a fix writes (and the other way round)."""
    def flat(v):
        return tuple(v) if isinstance(v, (tuple, list)) else (v,)

    a, b = flat(config_value), flat(value)
    return a == b or (len(set(a)) == 1 and len(set(b)) == 1 and a[0] == b[0])


@lru_cache(maxsize=16)
def _tree(file: str, source: str) -> ast.Module | None:
    try:
        return ast.parse(source, filename=file)
    except (SyntaxError, ValueError):
        return None


def _assigned_in(function) -> set[str]:
    """Names stored anywhere in the function's body (nested functions included: they may be nonlocal)."""
    return {n.id for stmt in function.body for n in ast.walk(stmt)
            if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))}


def _argument_text(tree: ast.Module, file: str, line: int, cls: str, key: str) -> str | None:
    """The source of the argument that gave *key* to the layer of class *cls* created on *line*,
    when it is written with names and arithmetic only (``width``, ``2 * filters``)."""
    from shapedoctor.repair.codegen import partial_aliases  # codegen imports this module

    names = (cls,) + partial_aliases("".join(linecache.getlines(file)), (cls,))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno <= line <= (n.end_lineno or n.lineno)
             and called_name(n.func) in names]
    if len(calls) != 1:
        return None
    call = calls[0]
    arg = next((kw.value for kw in call.keywords if kw.arg == key), None)
    if arg is None:
        from shapedoctor.repair.codegen import positional_params

        params = positional_params(cls)
        position = params.index(key) if key in params else None
        positional = [a for a in call.args if not isinstance(a, ast.Starred)]
        if position is None or position >= len(positional) or len(positional) != len(call.args):
            return None
        arg = positional[position]
    allowed = (ast.Name, ast.BinOp, ast.Load, ast.operator, ast.Constant)
    if not any(isinstance(n, ast.Name) for n in ast.walk(arg)) or not all(isinstance(n, allowed) for n in ast.walk(arg)):
        return None
    return ast.get_source_segment("".join(linecache.getlines(file)), arg)
