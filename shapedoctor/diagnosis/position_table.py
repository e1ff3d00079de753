"""Sequences longer than the position table a layer adds to them.

A BERT-style classifier (r621) adds a learned table of 64 positions to its token embeddings. The
texts are cut to ``maxlen = 64`` tokens and then get ``[CLS]`` and ``[SEP]``: padded to ``maxlen + 2``,
every sequence is 66 long, and TensorFlow refuses to add (8, 66, 32) and (1, 64, 32). The layer and
the table are right; the length chosen for the data is not: the token count must leave room for the
two special tokens, ``maxlen = 62`` (the thread's "change maxlen to 510").

Evidence, read: the error adds two tensors of one rank that differ only on axis 1, one of them with a
batch axis of 1 (a weight broadcast over the samples, as a position table is), the other as long on
that axis as the data of the training call. The script writes that length as ``NAME + k`` (or ``k +
NAME``) with ``NAME`` a module constant: the constant is the root cause, and the fix sets it to the
table's length minus ``k``, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import constant_statements, source_tree


def position_table(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the constant that makes the data longer than the table (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape

    facts = parse(str(exc))
    if facts is None or len(facts.shapes) != 2:
        return None
    a, b = (tuple(parse_shape(s) or ()) for s in facts.shapes)
    if len(a) != len(b) or len(a) < 3 or a[2:] != b[2:] or a[1] == b[1] or None in (a[1], b[1]):
        return None
    data, table = (a, b) if b[0] == 1 and a[0] != 1 else (b, a) if a[0] == 1 and b[0] != 1 else (None, None)
    if data is None or data[1] < table[1]:
        return None
    calls = getattr(recorder, "training_calls", None) or []
    call = calls[-1] if calls else None
    if call is None or call.site is None or not isinstance(call.x_shapes, tuple) or len(call.x_shapes) != 2 \
            or call.x_shapes[1] != data[1]:
        return None
    path = call.site.file
    tree = source_tree(path)
    constants = {name: s for name, s in constant_statements(tree).items() if type(s.value.value) is int}
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.BinOp) or not isinstance(node.op, ast.Add):
            continue
        pair = (node.left, node.right) if isinstance(node.left, ast.Name) else (node.right, node.left)
        name, extra = pair
        if isinstance(name, ast.Name) and name.id in constants and isinstance(extra, ast.Constant) \
                and type(extra.value) is int and constants[name.id].value.value + extra.value == data[1]:
            found.add((name.id, extra.value))
    if len(found) != 1:
        return None
    (name, extra), = found
    statement = constants[name]
    if not linecache.getline(path, statement.lineno).isascii() or table[1] - extra < 1:
        return None
    return path, statement, name, extra, data[1], table[1]


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, name, extra, length, positions = found
    new = positions - extra
    edit = TextEdit.replacing(path, statement.value, str(new))
    fix = script_checked_fix(f"keep the sequences within the {positions} positions: {name} = {new}", edit.shown(),
                             display_path(path), statement.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("data", name, None, display_path(path), statement.lineno,
                            linecache.getline(path, statement.lineno).strip())
    finding.message = (f"the sequences are {length} long ({name} + {extra}), but the table added to them holds "
                       f"{positions} positions")
    finding.explanation = (
        f"A layer adds a table of {positions} positions (one row per position, broadcast over the samples) to "
        f"sequences of {length}: axis 1 must be equal. The length is chosen in the script as `{name} + {extra}` "
        f"with `{name}` = {statement.value.value}, so the sequences come out {length - positions} longer than the "
        f"table. Keep `{name} + {extra}` within the table: `{name} = {new}`.")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
