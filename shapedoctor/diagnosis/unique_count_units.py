"""An output layer sized by the number of distinct labels, for labels that are ids with a few gaps.

The TF course's sign-language classifier counts its classes with ``num_classes = len(np.unique(labels))``:
24 letters occur (J and Z need motion), but they keep their letter indices, up to 24, and the sparse loss
refuses "a label value of 24 which is outside the valid range of [0, 24)" (r1130). The labels are right
(each id is a letter); the count is the wrong size: a softmax over class ids needs one unit per id, the
largest id + 1. The course writes ``Dense(26)``.

Evidence, read: the labels are whole numbers from 0 up, some of them at least the number of units, with
few ids unused (the largest + 1 is at most 1.5 times the distinct count: for codes far apart, re-numbering
them stays the fix); the output layer's units are a name the module binds once, on one line, to
``len(np.unique(E))`` or ``len(set(E))``. That line is the root cause; the fix counts ids instead,
``int(np.max(E)) + 1``, proven by running the patched script. Re-numbering the labels comes second.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def unique_count_units(call: Any, prob: Any):
    """(culprit Place, fix, why) for the count line of an output sized by distinct labels (see the module), or None."""
    import numpy as np

    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.diagnosis.training_base import flat_items, output_layer
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import called_name, display_path, source_tree

    if prob.family != "SD202" or not prob.message.startswith("labels go up to class") or rec.CURRENT is None:
        return None
    head = output_layer(call.model, 0)
    units = getattr(head, "units", None)
    ys = flat_items(call.y_ref) if call.y_ref is not None else []
    if not isinstance(units, int) or len(ys) != 1:
        return None
    y = np.asarray(ys[0])
    if y.dtype.kind not in "iuf" or not y.size or not np.all(np.mod(y, 1) == 0) or y.min() < 0:
        return None
    top = int(y.max())
    if top < units or top + 1 > 1.5 * len(np.unique(y)):
        return None
    site = rec.CURRENT.creation_site(head)
    if site is None or not site.file:
        return None
    tree = source_tree(site.file)
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == site.line and n.args
            and called_name(n.func) == type(head).__name__]
    if len(made) != 1 or not isinstance(made[0].args[0], ast.Name):
        return None
    name = made[0].args[0].id
    stmt = single_assignments(tree).get(name)
    value = stmt.value if stmt is not None else None
    counted = _counted(value)
    if counted is None or value.lineno != value.end_lineno:
        return None
    text = linecache.getline(site.file, value.lineno)
    source = text[counted.col_offset:counted.end_col_offset]
    numpy = "np" if any(isinstance(n, ast.alias) and n.name == "numpy" and n.asname == "np" for n in ast.walk(tree)) \
        else None
    new = f"int({numpy}.max({source})) + 1" if numpy else f"int(max({source})) + 1"
    edit = TextEdit.replacing(site.file, value, new)
    fix = script_checked_fix(f"one output unit per class id: {name} = {new}", edit.shown(), display_path(site.file),
                             value.lineno, [edit], cost=1)
    place = Place("layer", name, "size", display_path(site.file), value.lineno, text.strip())
    why = (f"`{name}` counts the distinct labels ({units}), but the labels are class ids up to {top} (some ids have "
           f"no sample): a softmax over class ids needs one unit per id, the largest id + 1 = {top + 1}.")
    return place, fix, why


def _counted(value: Any) -> ast.expr | None:
    """E of ``len(np.unique(E))`` / ``len(set(E))``, else None."""
    from shapedoctor.trace.sites import called_name

    if not (isinstance(value, ast.Call) and called_name(value.func) == "len" and len(value.args) == 1):
        return None
    inner = value.args[0]
    if isinstance(inner, ast.Call) and called_name(inner.func) in ("unique", "set") and len(inner.args) == 1 \
            and not inner.keywords:
        return inner.args[0]
    return None
