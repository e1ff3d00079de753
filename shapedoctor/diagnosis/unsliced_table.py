"""A positional table made for the longest sequence, added whole to a shorter one in a layer's ``call``.

Dive into Deep Learning's ``PositionalEncoding`` builds "a long enough P", ``(1, max_len, num_hiddens)``, once in
``__init__`` and adds only the rows for the positions present: ``X = X + self.P[:, :X.shape[1], :]``. Written
``X + self.P``, a (None, 12, 32) input meets the (1, 100, 32) table and TensorFlow refuses "Dimensions must be
equal, but are 12 and 100" inside the layer (r1138). Keras names the layer and the Embedding before it looks
guilty; the cause is the unsliced table.

Evidence, read: the error names two operands of one rank that differ only on axis 1, the larger one with a
batch axis of 1 (a table); the user's innermost line adds ``self.<table>`` to a name (either order), once. That
line is the root cause; the fix slices the table to the name's length, ``self.P[:, :X.shape[1]]``, proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def unsliced_table(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the addition of an unsliced positional table (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None:
        return finding
    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import innermost_user_frame, two_shapes
    from shapedoctor.trace.sites import source_tree

    shapes = two_shapes(str(exc))
    if shapes is None:
        return None
    a, b = shapes
    if len(a) != len(b) or len(a) < 3:
        return None
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x is not None and y is not None and x != y]
    table, data = (a, b) if a[1] is not None and b[1] is not None and a[1] > b[1] else (b, a)
    if differ not in ([1], [0, 1]) or table[0] != 1 or table[1] is None or data[1] is None or table[1] <= data[1]:
        return None
    where = innermost_user_frame(exc)
    if where is None:
        return None
    path, line = where[0].f_code.co_filename, where[1]
    adds = [n for n in ast.walk(source_tree(path)) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add)
            and n.lineno == line == n.end_lineno]
    found = []
    for add in adds:
        for attr, other in ((add.right, add.left), (add.left, add.right)):
            if isinstance(attr, ast.Attribute) and isinstance(attr.value, ast.Name) and attr.value.id == "self" \
                    and isinstance(other, ast.Name):
                found.append((attr, other.id))
    text = linecache.getline(path, line)
    if len(found) != 1 or not text.isascii():
        return None
    return path, line, found[0][0], found[0][1], table, data


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, line, attr, name, table, data = found
    old = ast.unparse(attr)
    new = f"{old}[:, :{name}.shape[1]]"
    edit = TextEdit.replacing(path, attr, new)
    fix = script_checked_fix(f"add only the rows for the positions present: {new}", edit.shown(), display_path(path),
                             line, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", old, None, display_path(path), line, linecache.getline(path, line).strip())
    finding.explanation = (
        f"`{old}` holds a row for each of {table[1]} positions, {tuple(table)}, made for the longest sequence; "
        f"`{name}` has {data[1]} steps. Adding them needs the same number of rows: take the first {data[1]}, "
        f"`{new}` (the positions present), and the table serves every length up to {table[1]}.")
    finding.fixes = [fix]
    return finding
