"""A block of the data that came out empty: zero columns joined beside the others.

A visual-question-answering MLP takes 4096 image features next to 300 question features,
``Input(shape=(4396,))``; the script builds its rows as ``np.hstack([image_features,
question_features(questions, word_vectors)])``. When ``word_vectors`` comes from a language package
that ships no vectors, a (12, 0) table, the question block has no columns and the rows are 4096 wide
(r698, sominw/vqamd_floyd#1). Keras names the Dense that refused 4096; shrinking the Input to 4096
would make it train on the image alone. The cause is the line that bound the empty table.

Evidence, recorded and read: a data-shape finding on a training call whose data is narrower than
the model's only input; the data is a name the script bound to a join of blocks (``np.hstack``,
``np.concatenate``, ``np.column_stack``); exactly one name read in those blocks holds, as the call
failed, an array with an axis of size 0. That name's binding is the root cause. When it picks one
entry of a dict (``PACKAGES["en"]``) and another entry of the same dict has, in that axis, exactly
the missing width, the fix picks that entry, proven by running the patched script. Fixes that
shrink the model's input to the data are withdrawn: they drop the block the model was built for.
"""

from __future__ import annotations

import ast
from typing import Any

_JOINS = {"hstack", "concatenate", "column_stack"}


def empty_block(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the binding of the empty block of its data (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or finding.id != "SD201":
        return finding
    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import called_name, source_tree

    where = innermost_user_frame(exc)
    if where is None:
        return None
    frame, line = where
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None and c.site
             and c.site.line == line]
    if not calls:
        return None
    call = calls[-1]
    inputs = list(getattr(call.model, "inputs", None) or [])
    if len(inputs) != 1 or not isinstance(call.x_shapes, tuple) or len(call.x_shapes) != 2:
        return None
    declared = tuple(inputs[0].shape)
    if len(declared) != 2 or not isinstance(declared[1], int) or not isinstance(call.x_shapes[1], int) \
            or call.x_shapes[1] >= declared[1]:
        return None
    missing = declared[1] - call.x_shapes[1]
    path = frame.f_code.co_filename
    tree = source_tree(path)
    data = argument_name(call.site, 0, "x")
    made = _last_binding(tree, data, line)
    if made is None or not (isinstance(made.value, ast.Call) and called_name(made.value.func) in _JOINS
                            and made.value.args and isinstance(made.value.args[0], (ast.List, ast.Tuple))):
        return None
    scope = {**frame.f_globals, **frame.f_locals}
    names = {n.id for n in ast.walk(made.value.args[0]) if isinstance(n, ast.Name)}
    empty = [n for n in sorted(names) if 0 in tuple(getattr(scope.get(n), "shape", None) or (1,))]
    if len(empty) != 1:
        return None
    bound = _last_binding(tree, empty[0], made.lineno)
    if bound is None:
        return None
    table = scope[empty[0]]
    return path, data, empty[0], bound, tuple(table.shape), _other_entry(bound.value, scope, table, missing), declared


def _last_binding(tree: ast.Module, name: str | None, before: int) -> ast.Assign | None:
    found = [s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name and s.lineno < before]
    return found[-1] if found else None


def _other_entry(value: ast.expr, scope: dict, table: Any, missing: int):
    """(the key node, the key to write) when *value* is ``D["k"]`` and one other entry of ``D`` is the
    table with *missing* in place of its empty axis; else None."""
    if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)
            and isinstance(value.slice, ast.Constant) and isinstance(value.slice.value, str)):
        return None
    entries = scope.get(value.value.id)
    if not isinstance(entries, dict):
        return None
    axis = tuple(table.shape).index(0)
    wanted = tuple(missing if i == axis else d for i, d in enumerate(table.shape))
    others = [k for k, v in entries.items() if isinstance(k, str) and k != value.slice.value
              and tuple(getattr(v, "shape", ()) or ()) == wanted]
    return (value.slice, others[0]) if len(others) == 1 else None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, data, name, bound, shape, other, declared = found
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", name, "data", path, bound.lineno)
    finding.message = (f"`{name}` is empty, {format_shape(shape)}: the block of `{data}` made from it has no "
                       f"values, so the data is narrower than the declared {format_shape(declared)}")
    finding.explanation = (
        f"`{data}` joins blocks of features side by side for a model built on {format_shape(declared)}. One block "
        f"is made from `{name}`, which holds an array with an axis of size 0, {format_shape(shape)}: that block "
        "adds no columns, so every row misses its values. Shrinking the model's input to the data would train it "
        f"without that block; give `{name}` the values it should hold instead.")
    fixes = [f for f in finding.fixes if "Input(" not in (f.code or "")]
    if other is not None and linecache.getline(path, bound.lineno).isascii():
        node, key = other
        text = linecache.getline(path, node.lineno)[node.col_offset:node.end_col_offset]
        quote = "'" if text.startswith("'") else '"'
        edit = TextEdit(path, node.lineno, node.col_offset, node.lineno, node.end_col_offset, f"{quote}{key}{quote}")
        fixes.insert(0, script_checked_fix(f"take `{name}` from the entry {key!r}, whose values fill the block",
                                           edit.shown(), display_path(path), bound.lineno, [edit], cost=1))
    finding.fixes = fixes
    return finding
