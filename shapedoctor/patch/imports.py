"""Add the imports a fix needs (``import numpy as np``, ``import keras``) when the file lacks them."""

from __future__ import annotations

import ast
import re

from shapedoctor.patch.textedit import TextEdit

_NEEDS = {"np": "import numpy as np", "keras": "import keras"}


def bound_names(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.update(a.asname or a.name for a in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
    return names


def import_edits(file: str, source: str, new_code: str) -> list[TextEdit]:
    """Edits adding the imports that *new_code* uses and *source* does not bind."""
    have = bound_names(source)
    missing = [stmt for name, stmt in _NEEDS.items()
               if re.search(rf"\b{name}\.", new_code) and name not in have]
    if not missing:
        return []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    line = (max(n.end_lineno for n in imports) + 1) if imports else _after_docstring(tree)
    return [TextEdit.insert_line(file, line, stmt) for stmt in missing]


def _after_docstring(tree: ast.Module) -> int:
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant) and isinstance(
            first.value.value, str):
        return first.end_lineno + 1
    return 1
