"""A layer built in a helper's loop over a list of sizes: the fix is written in that list.

keras-io's ``mlp(x, hidden_units, dropout_rate)`` builds one Dense per entry of ``hidden_units``; the ViT
example calls it with ``transformer_units = [projection_dim * 2, projection_dim]`` and adds the result back
to the block's input, so the last entry must be the stream's width. Written in the other order (r709) the
residual ``Add`` refuses (None, 16, 32) and (None, 16, 16). The Dense that must change is built by a line
that builds every Dense of every call, so a units change cannot be written there; it belongs in the list.

Evidence, recorded and read: a verified fix of the finding gives one Dense made in that loop a new ``units``
and could not be written; the loop is ``for <v> in <param>:`` in the helper, the Dense's first argument is
``<v>``; the layers that line built, in order, have exactly the sizes one list literal passed for
``<param>`` by a call of the helper evaluates to (its names bound at the module's top to integers). The
list's line is the root cause; the fix swaps the two entries when the size wanted is already in the list
(the sizes written in the wrong order), else writes it in that entry. Proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import operator
import re
from typing import Any

_TITLE = re.compile(r"make (\S+) produce (\d+) values: units=(\d+)")
_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv}


def loop_list_units(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the list of sizes its Dense's loop reads, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    unwritten = [f for f in (finding.fixes if finding is not None else []) if f.verified and f.patch is None
                 and not f.edits and _TITLE.match(f.title or "")]
    if not unwritten:
        return finding
    return reaimed(finding, _found, _aim, unwritten[0], recorder)


def _value(node: ast.AST, constants: dict) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name) and node.id in constants:
        return _value(constants[node.id].value, {})
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        left, right = _value(node.left, constants), _value(node.right, constants)
        return None if left is None or right is None else _OPS[type(node.op)](left, right)
    return None


def _found(unwritten: Any, recorder: Any):
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.trace.sites import called_name, constant_statements, source_tree

    match = _TITLE.match(unwritten.title)
    name, wanted = match.group(1), int(match.group(3))
    layers = recorder.created_layers()
    layer = next((x for x in layers if getattr(x, "name", None) == name), None)
    site = recorder.creation_site(layer) if layer is not None else None
    if site is None or type(layer).__name__ != "Dense":
        return None
    twins = [x for x in layers if type(x).__name__ == "Dense" and recorder.creation_site(x) == site]
    built = [x.units for x in twins]
    tree = source_tree(site.file)
    helper = max((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.lineno < site.line <= f.end_lineno),
                 key=lambda f: f.lineno, default=None)
    loop = next((n for n in ast.walk(helper) if isinstance(n, ast.For) and n.lineno < site.line <= n.end_lineno
                 and isinstance(n.target, ast.Name) and isinstance(n.iter, ast.Name)), None) if helper else None
    if loop is None:
        return None
    params = [a.arg for a in helper.args.args]
    if loop.iter.id not in params:
        return None
    position = params.index(loop.iter.id)
    constants = constant_statements(tree)
    bound = single_assignments(tree)
    lists = []
    for call in (c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) == helper.name):
        given = next((k.value for k in call.keywords if k.arg == loop.iter.id), None)
        if given is None and position < len(call.args):
            given = call.args[position]
        statement = bound.get(given.id) if isinstance(given, ast.Name) else None
        if statement is None or not isinstance(statement.value, (ast.List, ast.Tuple)):
            continue
        values = [_value(e, constants) for e in statement.value.elts]
        if len(values) >= len(built) and values[:len(built)] == built and statement not in [s for s, _v in lists]:
            lists.append((statement, values))
    if len(lists) != 1:
        return None
    statement, values = lists[0]
    index = twins.index(layer)
    elements = statement.value.elts
    if any(e.lineno != e.end_lineno for e in elements):
        return None
    return site.file, statement, elements, values, index, wanted, name


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, elements, values, index, wanted, name = found
    text = [linecache.getline(path, e.lineno)[e.col_offset:e.end_col_offset] for e in elements]
    others = [j for j, v in enumerate(values) if v == wanted and j != index]
    if len(others) == 1:
        j = others[0]
        edits = [TextEdit.replacing(path, elements[index], text[j]), TextEdit.replacing(path, elements[j], text[index])]
        title = f"the sizes in the order the layers need them: `{text[j]}` ({wanted}) for {name}"
    else:
        edits = [TextEdit.replacing(path, elements[index], str(wanted))]
        title = f"size {name} {wanted} in the list its loop reads"
    from shapedoctor.patch.textedit import apply_edits

    first, last = statement.lineno, statement.end_lineno
    lines = "".join(linecache.getlines(path)[first - 1:last])
    shown = apply_edits(lines, [TextEdit(path, e.start_line - first + 1, e.start_col, e.end_line - first + 1,
                                         e.end_col, e.text) for e in edits]).strip()
    fix = script_checked_fix(title, shown, display_path(path), first, edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", name, "Dense", path, first)
    finding.explanation += (f" `{name}` is built by a loop over a list of sizes; its size comes from "
                            f"`{ast.unparse(statement)}` on line {first}, which is where it changes.")
    finding.fixes = [fix] + finding.fixes
    return finding
