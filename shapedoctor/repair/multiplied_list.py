"""A layer list built by multiplying a one-layer list: ``[layers.Conv2D(8, 3)] * n``.

The multiplication repeats one object: the list holds the same layer n times, so a loop that
applies the list's items calls that one layer n times, and every call after the first shares
the weights the first call built. When a later call gets another width (the first block of a
stack widens the channels), Keras refuses it. The line to change is the one that builds the
list, not the loop's call: a comprehension, ``[layers.Conv2D(8, 3) for _ in range(n)]``, runs
the constructor once per item and gives every block its own layer.
"""

from __future__ import annotations

import ast
import linecache
from dataclasses import dataclass

from shapedoctor.patch.textedit import TextEdit


@dataclass
class MultipliedList:
    file: str
    line: int
    code: str  # the comprehension that replaces the multiplication
    shown: str  # the line with the comprehension in it (the comprehension alone when it spans lines)
    edit: TextEdit


def _single_call_list(node: ast.AST) -> ast.Call | None:
    if isinstance(node, ast.List) and len(node.elts) == 1 and isinstance(node.elts[0], ast.Call):
        return node.elts[0]
    return None


def multiplied_layer_list(site) -> MultipliedList | None:
    """For a layer created at *site* (a :class:`~shapedoctor.trace.sites.Site`) inside
    ``[<constructor>] * <count>`` (or ``<count> * [<constructor>]``): the comprehension that
    creates one layer per item, with the text edit that writes it; else None."""
    if site is None or not site.file or not site.line:
        return None
    lines = linecache.getlines(site.file)
    try:
        tree = ast.parse("".join(lines))
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)):
            continue
        if not node.lineno <= site.line <= (node.end_lineno or node.lineno):
            continue
        call, count = _single_call_list(node.left), node.right
        if call is None:
            call, count = _single_call_list(node.right), node.left
        if call is None or not call.lineno <= site.line <= (call.end_lineno or call.lineno):
            continue
        source = "".join(lines)
        constructor, times = ast.get_source_segment(source, call), ast.get_source_segment(source, count)
        if constructor is None or times is None:
            return None
        start, end = lines[node.lineno - 1], lines[(node.end_lineno or node.lineno) - 1]
        if not (start.isascii() and end.isascii()):
            return None  # ast columns are byte offsets; only written where they are characters too
        code = f"[{constructor} for _ in range({times})]"
        end_line, end_col = node.end_lineno or node.lineno, node.end_col_offset or 0
        edit = TextEdit(site.file, node.lineno, node.col_offset, end_line, end_col, code)
        shown = (start[: node.col_offset] + code + start[end_col:]).strip() if end_line == node.lineno else code
        return MultipliedList(site.file, node.lineno, code, shown, edit)
    return None
