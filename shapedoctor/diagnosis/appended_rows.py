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
    items = arg = argument_node(call.site, 0, "x")
    if isinstance(arg, (ast.List, ast.Tuple)):
        arg = arg.elts[index] if index < len(arg.elts) else None
    elif index != 0:
        return None
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
