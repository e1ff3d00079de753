"""A Dense applied per position of a map because the pooled vector made just before it was thrown away (SD206).

DeepDanbooru's squeeze-and-excitation block pools the feature map into one vector per image and gates the
map's channels with two Dense layers applied to that vector. Written ``s = GlobalAveragePooling2D()(s)``
then ``s = Dense(c // r)(x)`` and ``s = Dense(c)(x)``, both Dense layers read the map ``x`` instead of the
vector: the gate is computed per pixel, (None, 32, 32, 16), the pooling's output is never used, and the
``Multiply`` that follows accepts the equal shapes without a word (r877). Nothing fails; the block no
longer does what it is meant to.

Evidence, recorded and read: the model that trained holds no layer for a call the script made while
building it (Keras leaves a call whose output nothing uses out of the graph); that call's output was bound
to a name ``s`` whose next binding, before any read, is ``s = Dense(...)(x)`` of a tensor with more than two
axes, ``x`` another name. Each binding of the same chain that reads ``x`` instead of ``s`` is the cause; the
fix makes each read ``s``, proven by running the patched script (it must run clean, the warning gone).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def discarded_output_findings(recorder: Any) -> list:
    """SD206 warnings for Dense layers given a map while the vector made for them was thrown away."""
    try:
        found = _found(recorder)
    except Exception:  # noqa: BLE001 - evidence only: a script we cannot read holds no warning
        return []
    return [_finding(*item) for item in found]


def _contained(models: list) -> set:
    seen: set = set()
    stack = list(models)
    while stack:
        op = stack.pop()
        if id(op) in seen:
            continue
        seen.add(id(op))
        stack.extend(getattr(op, "operations", None) or getattr(op, "layers", None) or [])
        inner = getattr(op, "layer", None)  # a wrapper's layer
        if inner is not None:
            stack.append(inner)
    return seen


def _found(recorder: Any) -> list:
    import keras

    from shapedoctor.trace.sites import source_tree

    models = [c.model for c in getattr(recorder, "training_calls", None) or []
              if c.error is None and c.method in ("fit", "train_on_batch") and isinstance(c.model, keras.Model)]
    if not models:
        return []
    contained = _contained(models)
    records = list({id(r): r for r in getattr(recorder, "producers", {}).values()}.values())
    dangling = [r for r in records if r.symbolic and r.error is None and r.site is not None
                and isinstance(r.layer, keras.layers.Layer) and id(r.layer) not in contained]
    out, done = [], set()  # (path, line) of every statement a chain already covers
    for record in sorted(dangling, key=lambda r: (r.site.file, r.site.line)):
        path = _real_path(record)
        if path is None or (path, record.site.line) in done:
            continue
        tree = source_tree(path)
        chain = _chain_after(tree, record.site.line)
        if chain is None:
            continue
        name, reads = chain
        dense = _dense_on_map(records, reads[0][0].lineno)
        if dense is None:
            continue
        done.add((path, record.site.line))
        done.update((path, stmt.lineno) for stmt, _arg in reads)  # a block made three times is one warning
        out.append((path, record, name, reads, dense))
    return out


def _real_path(record: Any) -> str | None:
    import os

    path = os.path.abspath(record.site.file)
    return path if os.path.isfile(path) else None


def _bodies(tree: ast.AST):
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield block


def _assigned_name(stmt: ast.stmt) -> str | None:
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        return stmt.targets[0].id
    return None


def _chain_after(tree: ast.Module, line: int):
    """(name, [(statement, argument node), ...]) of the bindings after the statement on *line* that rebind its
    name, one after the other, from a layer call of another name: ``s = Dense(k)(x)``. None otherwise."""
    for block in _bodies(tree):
        index = next((i for i, s in enumerate(block) if s.lineno == line and s.end_lineno == line), None)
        if index is None:
            continue
        name = _assigned_name(block[index])
        if name is None:
            return None
        reads = []
        for stmt in block[index + 1:]:
            if _assigned_name(stmt) != name:
                break
            value = stmt.value
            if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Call) and len(value.args) == 1
                    and isinstance(value.args[0], ast.Name) and value.args[0].id != name
                    and stmt.lineno == stmt.end_lineno):
                break
            if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value)):
                break
            reads.append((stmt, value.args[0]))
        return (name, reads) if reads else None
    return None


def _dense_on_map(records: list, line: int):
    """The recorded Dense call on *line* whose input has more than two axes, or None."""
    for record in records:
        if record.site is None or record.site.line != line or type(record.layer).__name__ != "Dense":
            continue
        shape = tuple(getattr(record.args[0], "shape", ()) or ()) if record.args else ()
        if len(shape) > 2:
            return record, shape
    return None


def _finding(path: str, record: Any, name: str, reads: list, dense: tuple):
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Finding, Place
    from shapedoctor.trace.sites import display_path

    dense_record, shape = dense
    edits = [TextEdit.replacing(path, arg, name) for _stmt, arg in reads]
    first = reads[0][0]
    other = reads[0][1].id
    shown = "; ".join(e.shown() for e in edits)
    fix = script_checked_fix(f"give the layers the `{name}` made on line {record.site.line}, not `{other}`", shown,
                             display_path(path), first.lineno, edits, cost=1)
    fam = get("SD206")
    made = linecache.getline(path, record.site.line).strip()
    culprit = Place.at_line("layer", dense_record.layer.name, "Dense", path, first.lineno)
    lines = ", ".join(str(s.lineno) for s, _ in reads)
    return Finding(
        fam.id, fam.slug, "warning",
        f"Dense `{dense_record.layer.name}` is applied per position of {format_shape(shape)}: the `{name}` made on "
        f"line {record.site.line} is never used",
        consumer=culprit, culprit=culprit, expected=f"`{name}`", received=format_shape(shape),
        explanation=(f"Line {record.site.line} makes `{name}` (`{made}`), but the next line{'s' if len(reads) > 1 else ''} "
                     f"({lines}) {'bind' if len(reads) > 1 else 'binds'} `{name}` again from `{other}` without reading it, so Keras leaves that layer "
                     f"out of the model. The Dense then receives `{other}`, {format_shape(shape)}, and acts on its "
                     "last axis once per position: nothing fails, but the block computes something else. Read "
                     f"`{name}` there."),
        fixes=[fix])
