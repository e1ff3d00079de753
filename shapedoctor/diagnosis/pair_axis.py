"""Inputs taken from an array of pairs along the wrong axis: ``pairs[0]`` where ``pairs[:, 0]`` was meant.

A siamese network's pairs are kept as one ``(n, 2, 28, 28)`` array, one (left, right) pair per row. Its two
inputs are every pair's left image and every pair's right image, ``[pairs[:, 0], pairs[:, 1]]``; written
``[pairs[0], pairs[1]]`` they are the first two pairs, two samples each, against ``n`` labels (Keras: "Data
cardinality is ambiguous", r1074).

Evidence, recorded and read: the model takes ``k`` inputs and the ``x`` argument is written as a list of
``k`` items ``arr[0]``, ``arr[1]``, ... of one array; that array has as many rows as there are labels, ``k``
on its second axis, and each input's declared sample shape after. The fix indexes the second axis
(``arr[:, i]``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def pair_axis(call: Any, prob: Any):
    """(culprit Place, fix, why, True) for inputs indexed on the samples' axis (see the module), else None."""
    from shapedoctor.diagnosis.training_base import model_inputs
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import display_path

    declared = model_inputs(call.model)
    arg = argument_node(call.site, 0, "x")
    if len(declared) < 2 or not isinstance(arg, (ast.List, ast.Tuple)) or len(arg.elts) != len(declared):
        return None
    names, ks = set(), []
    for item in arg.elts:
        if not (isinstance(item, ast.Subscript) and isinstance(item.value, ast.Name)
                and isinstance(item.slice, ast.Constant) and type(item.slice.value) is int):
            return None
        names.add(item.value.id)
        ks.append(item.slice.value)
    if len(names) != 1 or ks != list(range(len(declared))):
        return None
    name = names.pop()
    whole = shape_of(call.names.get(name))
    labels = shape_of(call.y_ref)
    if not whole or not labels or len(whole) < 2 or whole[0] != labels[0] or whole[1] != len(declared) \
            or any(tuple(whole[2:]) != tuple(d[1:]) for d in declared):
        return None
    file = call.site.file
    if not all(linecache.getline(file, i.lineno).isascii() for i in arg.elts):
        return None
    edits = [TextEdit.replacing(file, item, f"{name}[:, {k}]") for item, k in zip(arg.elts, ks)]
    from shapedoctor.patch.textedit import apply_edits

    patched = apply_edits("".join(linecache.getlines(file)), edits).splitlines()
    shown = patched[arg.lineno - 1].strip()
    fix = script_checked_fix(f"take every row's items as the inputs: {', '.join(f'{name}[:, {k}]' for k in ks)}",
                             shown, display_path(file), arg.lineno, edits, cost=1)
    place = Place("data", name, "data", display_path(file), arg.lineno, linecache.getline(file, arg.lineno).strip())
    why = (f"`{name}` is {tuple(whole)}: {whole[0]} rows of {whole[1]} items, one per input of the model. "
           f"`{name}[0]` is its first row (one pair), not the first item of every row: the inputs get "
           f"{whole[1]} samples each against {labels[0]} labels. `{name}[:, 0]`, `{name}[:, 1]` take the items "
           "of every row.")
    return place, fix, why, True
