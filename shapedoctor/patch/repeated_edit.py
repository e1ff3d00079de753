"""The same mistake written again: a one-value fix repeated on every line that spells it alike.

A U-Net ported from Theano's channels-first ordering keeps ``Concatenate(axis=1)`` on each of its
skip connections (keras-team/keras#7377). The build stops at the first one, so the recorded graph
ends there: the fix ``axis=-1`` on that line is verified, and its patched script fails at the next
``Concatenate(axis=1)``. The mistake is a habit, not one line: the same change belongs on every line
that writes the same call with the same value.

Evidence, read and then proven: the fix changes one value inside one call on one line; the patched
script's remaining shape problem is on a line that writes that call the same way (the same text
from the call's name to the changed value, or the whole call the fix rewrites); the repeated fix
edits every such line of the file and is kept only when its own patched script runs clean.
"""

from __future__ import annotations

import ast
import copy
import os
from typing import Any


def repeated(fix: Any, proof: Any, sources: dict[str, str | None]) -> Any | None:
    """*fix* made on every line of its file that spells the changed call alike, or None (see the module)."""
    from shapedoctor.patch.apply import attach, read_source
    from shapedoctor.patch.textedit import TextEdit

    if not proof.shape_problem or proof.left_line is None or len(fix.edits) != 1:
        return None
    edit = fix.edits[0]
    if edit.start_line != edit.end_line or "\n" in edit.text or edit.start_col >= edit.end_col:
        return None
    source = sources.get(os.path.realpath(edit.file)) or read_source(edit.file)
    if not source:
        return None
    lines = source.splitlines()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    around = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == n.end_lineno == edit.start_line
              and n.func.end_col_offset <= edit.start_col and edit.end_col <= n.end_col_offset]
    text = lines[edit.start_line - 1]
    if not text.isascii():
        return None
    whole = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == n.end_lineno == edit.start_line
             and n.col_offset == edit.start_col and n.end_col_offset == edit.end_col]
    if whole:  # the edit rewrites a whole call: "layers.Concatenate(axis=1)"
        key, shift = text[edit.start_col:edit.end_col], 0
    elif around:  # a value inside a call: "layers.Concatenate(axis=" + "1"
        call = max(around, key=lambda n: n.col_offset)  # the innermost call holding the value
        key, shift = text[call.col_offset:edit.end_col], edit.start_col - call.col_offset
    else:
        return None
    width = edit.end_col - edit.start_col
    edits, shown = [edit], [text[:edit.start_col] + edit.text + text[edit.end_col:]]
    for number, other in enumerate(lines, start=1):
        if number == edit.start_line or key not in other or not other.isascii():
            continue
        start = other.index(key) + shift
        edits.append(TextEdit(edit.file, number, start, number, start + width, edit.text))
        shown.append(other[:start] + edit.text + other[start + width:])
    if proof.left_line not in {e.start_line for e in edits}:
        return None  # what is left is another problem, not the same mistake again
    again = copy.copy(fix)
    again.title = f"{fix.title.split(' (not verified')[0]}, on each of the {len(edits)} lines that write it alike"
    again.code = "\n".join(line.strip() for line in shown)
    again.checks = dict(fix.checks)
    again.proof, again.proven = None, False
    return attach(again, edits)
