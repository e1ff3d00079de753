"""Samples collected by ``list.append`` in a loop: the append line made each sample, not the call.

``model.predict([np.array(users_input), np.array(items_input)])`` shows where the arrays were
stacked, not what went into them: each sample is what the loop appended. When one input of the model
takes one value per sample (declared ``(None, 1)`` or ``(None,)``: an id the model looks up itself,
an ``Embedding``'s index) and the loop appends a row of a table selected by that id
(``items_input.append(_data_matrix[:, item])``: 50 values per sample), the id was meant
(hegongshan/deep_matrix_factorization#1: "append the ids themselves").

Evidence, read: the input at fault is passed as ``np.array(L)`` (``asarray``, ``stack``) of a list
``L`` filled by exactly one ``L.append(E)`` in the calling scope. That append line is the root cause.
When the input takes one value per sample and ``E`` indexes a table by one name, everything else
whole (``T[i]``, ``T[:, i]``), the fix appends that name, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_STACKERS = {"array", "asarray", "stack", "vstack"}


def appended_rows(call: Any, prob: Any):
    """(culprit Place, fix or None, why) when the input at fault was filled by one append (see the
    module), else None."""
    from shapedoctor.diagnosis.training_base import model_inputs
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path

    if prob.family != "SD201" or call.site is None or prob.culprit_kind != "data":
        return None
    index = prob.output_index
    items = argument_node(call.site, 0, "x")
    arg = _input_node(items, index, call.model)
    if not (isinstance(arg, ast.Call) and called_name(arg.func) in _STACKERS and len(arg.args) == 1
            and isinstance(arg.args[0], ast.Name)):
        return None
    listed = arg.args[0].id
    file = call.site.file
    append = _one_append(file, call.site.line, listed)
    if append is None:
        return None
    text = linecache.getline(file, append.lineno)
    place = Place("data", listed, "data", display_path(file), append.lineno, text.strip())
    why = (f"Each sample of this input is what the loop appends to `{listed}` on line {append.lineno}; "
           "`np.array` only stacks them.")
    inputs = model_inputs(call.model)
    want = inputs[index] if index < len(inputs) else None
    stacked = _data_shape(call, index)
    if want is not None and _kept_batch_axis(stacked, want):
        return place, _concatenated(call, items, inputs, file), why + (
            f" Each appended item keeps a batch axis of 1 of its own, so stacking them gives "
            f"{stacked} where the model takes {tuple(want)}: join them along that axis "
            f"with `concatenate` instead of stacking them on a new one.")
    element = append.args[0]
    key = _row_key(element)
    if want is None or tuple(want[1:]) not in ((1,), ()) or key is None or not text.isascii() \
            or element.lineno != element.end_lineno:
        return place, None, why
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    table = ast.get_source_segment("".join(linecache.getlines(file)), element) or ""
    edits = [TextEdit.replacing(file, element, key)]
    shown = [edits[0].shown()]
    # The other inputs filled the same way (the item beside the user) are edited with it.
    for other in (items.elts if isinstance(items, (ast.List, ast.Tuple)) else []):
        if other is arg or not (isinstance(other, ast.Call) and called_name(other.func) in _STACKERS
                                and len(other.args) == 1 and isinstance(other.args[0], ast.Name)):
            continue
        j = items.elts.index(other)
        more = _one_append(file, call.site.line, other.args[0].id)
        more_key = _row_key(more.args[0]) if more is not None else None
        if more_key is None or j >= len(inputs) or tuple(inputs[j][1:]) not in ((1,), ()) \
                or more.args[0].lineno != more.args[0].end_lineno:
            continue
        edits.append(TextEdit.replacing(file, more.args[0], more_key))
        shown.append(edits[-1].shown())
    title = (f"append the id itself, as the model was trained on: {listed}.append({key})" if len(edits) == 1 else
             "append the ids themselves, as the model was trained on: " + "; ".join(sorted(shown)))
    fix = script_checked_fix(title,
                             "\n".join(sorted(shown, key=lambda c: c != shown[0])), display_path(file),
                             append.lineno, sorted(edits, key=lambda e: e.start_line), cost=1)
    why += (f" The model's input takes one value per sample, an id it looks up itself, but the loop appends "
            f"`{table}`, the whole row that id selects. Append the id `{key}`.")
    return place, fix, why


def _input_node(items: Any, index: int, model: Any) -> Any:
    """The expression given for the model's input *index*: an element of a list, the value of a dict
    keyed by the input's name, or the whole argument of a one-input call."""
    if isinstance(items, (ast.List, ast.Tuple)):
        return items.elts[index] if index < len(items.elts) else None
    if isinstance(items, ast.Dict):
        inputs = list(getattr(model, "inputs", None) or [])
        name = getattr(inputs[index], "name", None) if index < len(inputs) else None
        return next((v for k, v in zip(items.keys, items.values)
                     if isinstance(k, ast.Constant) and k.value == name), None)
    return items if index == 0 else None


def _data_shape(call: Any, index: int) -> tuple | None:
    """The shape of the data given for the model's input *index*."""
    shapes = call.x_shapes
    if isinstance(shapes, dict):
        inputs = list(getattr(call.model, "inputs", None) or [])
        return shapes.get(getattr(inputs[index], "name", None)) if index < len(inputs) else None
    if isinstance(shapes, list) or (isinstance(shapes, tuple) and shapes and isinstance(shapes[0], tuple)):
        return shapes[index] if index < len(shapes) else None
    return shapes if index == 0 else None


def _kept_batch_axis(got: Any, want: tuple) -> bool:
    """*got* is the stack of items of shape (1, ...) each, for an input that takes (None, ...)."""
    return (isinstance(got, tuple) and len(got) == len(want) + 1 and got[1] == 1
            and tuple(got[2:]) == tuple(want[1:]))


def _concatenated(call: Any, items: Any, inputs: list, file: str):
    """``np.concatenate(L)`` for each ``np.array(L)`` of the call whose items kept their batch axis."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, display_path

    edits = []
    for j in range(len(inputs)):
        node = _input_node(items, j, call.model)
        if not (isinstance(node, ast.Call) and called_name(node.func) in _STACKERS and len(node.args) == 1
                and isinstance(node.args[0], ast.Name) and not node.keywords and node.lineno == node.end_lineno
                and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and _kept_batch_axis(_data_shape(call, j), inputs[j])):
            continue
        edits.append(TextEdit.replacing(file, node, f"{node.func.value.id}.concatenate({node.args[0].id})"))
    if not edits or not linecache.getline(file, edits[0].start_line).isascii():
        return None
    from shapedoctor.patch.textedit import apply_edits

    edited = apply_edits("".join(linecache.getlines(file)), edits).splitlines()
    shown = [edited[line - 1].strip() for line in sorted({e.start_line for e in edits})]
    return script_checked_fix("join the items along their own batch axis: concatenate, not array",
                              "\n".join(shown), display_path(file), edits[0].start_line, edits, cost=1)


def _one_append(file: str, line: int, listed: str) -> ast.Call | None:
    """The one ``listed.append(E)`` call of the scope holding *line* (the function, or the module)."""
    from shapedoctor.repair.data_follows import innermost_function

    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    scope = innermost_function(tree, line) or tree
    found = [n for n in ast.walk(scope) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == "append" and isinstance(n.func.value, ast.Name) and n.func.value.id == listed
             and len(n.args) == 1 and not n.keywords]
    return found[0] if len(found) == 1 else None


def _row_key(element: ast.expr) -> str | None:
    """``T[i]`` / ``T[:, i]``: the one name indexing a table (every other index a whole ``:``), else None."""
    if not (isinstance(element, ast.Subscript) and isinstance(element.value, (ast.Name, ast.Attribute))):
        return None
    parts = element.slice.elts if isinstance(element.slice, ast.Tuple) else [element.slice]
    names = [p.id for p in parts if isinstance(p, ast.Name)]
    whole = [p for p in parts if isinstance(p, ast.Slice) and p.lower is None and p.upper is None and p.step is None]
    return names[0] if len(names) == 1 and len(names) + len(whole) == len(parts) else None
