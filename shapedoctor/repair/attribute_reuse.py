"""Write "use a separate layer" for a layer kept as an attribute (``self.x``) of a class.

A subclassed model or layer creates its layers in one method (``self.dense = Dense(...)`` in
``__init__``) and applies them in another (``h = self.dense(h)`` in ``call``). When one attribute
is applied twice and the second application gets another width, the separate layer cannot be
written at the call (a layer created inside ``call`` would be created again on every call).
It belongs next to the shared one, as a new attribute, and the failing call uses it:

* when the class already creates an attribute with the very same constructor call that nothing
  in the class ever applies (the twin the author meant to use), the call uses that one;
* otherwise a new attribute is added after the shared one's creation, with its constructor
  call copied, and the call uses it.
"""

from __future__ import annotations

import ast
import linecache
from dataclasses import dataclass

from shapedoctor.patch.textedit import TextEdit


@dataclass
class SeparateAttribute:
    code: str  # the changed lines, as shown in the report
    edits: list[TextEdit]


def _self_attribute(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return node.attr
    return None


def _created_attributes(cls: ast.ClassDef) -> dict[str, ast.Assign]:
    made = {}
    for node in ast.walk(cls):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.value, ast.Call):
            name = _self_attribute(node.targets[0])
            if name is not None:
                made.setdefault(name, node)
    return made


def _read_attributes(cls: ast.ClassDef) -> set[str]:
    return {node.attr for node in ast.walk(cls) if isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Load) and _self_attribute(node) is not None}


def separate_attribute(created, called) -> SeparateAttribute | None:
    """The edits that give the call at *called* its own layer, for a layer created as
    ``self.<name> = ...`` at *created* and applied as ``self.<name>(...)`` at *called* (both
    :class:`~shapedoctor.trace.sites.Site`); None when the code is not written that way."""
    if created is None or called is None or created.file != called.file or created.line == called.line:
        return None
    source = "".join(linecache.getlines(created.file))
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    classes = [c for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
               and c.lineno <= created.line <= (c.end_lineno or c.lineno)
               and c.lineno <= called.line <= (c.end_lineno or c.lineno)]
    if not classes:
        return None
    cls = max(classes, key=lambda c: c.lineno)
    made = _created_attributes(cls)
    shared = next((name for name, node in made.items() if node.lineno <= created.line <= (node.end_lineno or node.lineno)), None)
    if shared is None:
        return None
    raw = linecache.getline(called.file, called.line)
    callee = f"self.{shared}("
    col = raw.find(callee)
    if col < 0 or raw.find(callee, col + 1) >= 0:
        return None  # not applied on this line, or applied twice on it: which one is unclear
    constructor = ast.get_source_segment(source, made[shared].value)
    if constructor is None:
        return None
    read = _read_attributes(cls)
    twin = next((name for name, node in made.items() if name != shared and name not in read
                 and ast.get_source_segment(source, node.value) == constructor), None)
    name = twin or _fresh_name(shared, made)
    new_call = raw.strip().replace(callee, f"self.{name}(", 1)
    replace = TextEdit(called.file, called.line, col + len("self."), called.line, col + len(callee) - 1, name)
    if twin is not None:
        return SeparateAttribute(new_call, [replace])
    stmt = made[shared]
    indent = linecache.getline(created.file, stmt.lineno)[: stmt.col_offset]
    line = f"{indent}self.{name} = {constructor}"
    insert = TextEdit.insert_line(created.file, (stmt.end_lineno or stmt.lineno) + 1, line)
    return SeparateAttribute(f"{line.strip()}\n{new_call}", [insert, replace])


def _fresh_name(shared: str, made: dict) -> str:
    n = 2
    while f"{shared}_{n}" in made:
        n += 1
    return f"{shared}_{n}"
