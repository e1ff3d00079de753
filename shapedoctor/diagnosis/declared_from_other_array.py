"""An input declared from the width of another array than the one the model is trained on.

Zero to Mastery's insurance regressor (r1132) declares ``keras.Input(shape=(X_train.shape[1],))``, 6 raw columns,
and is fit on ``X_train_normal``, the 11 columns after scaling and one-hot encoding ("Notice the normalized/one-hot
encoded shape is larger because of the extra columns"). Keras refuses the data at ``fit``; the data are right,
the declaration read the wrong array.

Evidence, read: the call's data has another last size than the model declares; the model's one ``Input`` line
reads ``A.shape[1]`` or ``A.shape[1:]`` of a name ``A`` other than the name passed to the call, whose width is the
declared one; the name passed has the data's width. That line is the root cause; the fix reads the shape of the
array passed, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def declared_from_other_array(call: Any, prob: Any):
    """(culprit Place, fix, why) for an Input whose shape reads another array (see the module), or None."""
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import called_name, display_path, source_tree

    if prob.family != "SD201" or call.site is None or rec.CURRENT is None or not prob.received or not prob.expected:
        return None
    data = argument_name(call.site, 0, "x")
    inputs = list(getattr(call.model, "inputs", None) or [])
    names = dict(getattr(call, "names", None) or {})
    if data is None or len(inputs) != 1 or data not in names:
        return None
    layer = getattr(inputs[0], "_keras_history", None)
    layer = layer[0] if layer else None
    site = rec.CURRENT.creation_site(layer) if layer is not None else None
    if site is None or not site.file:
        return None
    tree = source_tree(site.file)
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == site.line
            and called_name(n.func) in ("Input", "InputLayer")]
    reads = [n for call_node in made for n in ast.walk(call_node) if _shape_read(n)]
    if len(made) != 1 or len(reads) != 1:
        return None
    other = reads[0].value.value
    declared, passed = _width(names.get(other.id)), _width(names.get(data))
    if other.id == data or declared is None or passed is None or declared == passed \
            or declared != tuple(inputs[0].shape)[-1]:
        return None
    text = linecache.getline(site.file, other.lineno)
    if other.lineno != other.end_lineno or not text.isascii():
        return None
    edit = TextEdit.replacing(site.file, other, data)
    fix = script_checked_fix(f"declare the width of the array trained on: {data}.shape", edit.shown(),
                             display_path(site.file), other.lineno, [edit], cost=1)
    place = Place("input", "input", "InputLayer", display_path(site.file), other.lineno, text.strip())
    why = (f"The input is declared from `{other.id}`, {declared} columns wide, but the model is given "
           f"`{data}`, {passed} columns: declare the shape of the array it is trained on.")
    return place, fix, why


def _width(array: Any) -> int | None:
    """The last size of an array the script holds (None for anything without a shape)."""
    shape = getattr(array, "shape", None)
    return int(shape[-1]) if shape is not None and len(shape) >= 1 and shape[-1] is not None else None


def _shape_read(node: ast.AST) -> bool:
    """``A.shape[1]`` or ``A.shape[1:]`` of a plain name A."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape"
            and isinstance(node.value.value, ast.Name)):
        return False
    index = node.slice
    if isinstance(index, ast.Constant):
        return index.value in (1, -1)
    return isinstance(index, ast.Slice) and isinstance(index.lower, ast.Constant) and index.lower.value == 1 \
        and index.upper is None
