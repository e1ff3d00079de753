"""A map step that transposes the image of each (image, label) pair but not its label.

keras-io's BraTS 3D segmentation stores volumes width-first and lays each pair out depth-first in a
function mapped over the dataset: ``image = tf.transpose(image, perm=[2, 1, 0, 3])`` and ``label =
tf.transpose(label, perm=[2, 1, 0])``. Without the label's line (r1031) the model predicts
``(16, 20, 24, 3)`` masks for ``(24, 20, 16, 3)`` labels: the same sizes in another order. A Reshape of the
output would build and mix the voxels; the label must be transposed where the image is.

Evidence, recorded and read: the labels and the output have the same sizes per sample in another order;
a function of the script takes ``(image, label)``, rebinds ``image`` through a transpose with a literal
``perm`` that turns the labels' order into the output's, returns both, and never touches ``label``. That
transpose line is the root cause; the fix transposes the label right after it (the image's ``perm`` without
its channel entry when the label arrays of the script have no channel axis yet: a later step adds it, else
the same ``perm``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def transposed_alone(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when a mapped function transposed the images alone (see the module)."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, source_tree

    from shapedoctor.messages.shapes import parse_shape

    if prob.family != "SD202" or call.site is None or not call.site.file:
        return None
    outputs = list(getattr(call.model, "outputs", None) or [])
    if len(outputs) != 1:
        return None
    out = tuple(outputs[0].shape)[1:]
    shapes = [parse_shape(s) for s in (prob.expected, prob.received) if s]
    others = [tuple(s)[1:] for s in shapes if s and tuple(s)[1:] != out]
    if len(others) != 1:
        return None
    labels = others[0]
    if len(out) != len(labels) or out == labels or sorted(map(str, out)) != sorted(map(str, labels)) \
            or None in out or None in labels:
        return None
    path = call.site.file
    tree = source_tree(path)
    found = []
    for function in (f for f in tree.body if isinstance(f, ast.FunctionDef) and len(f.args.args) == 2):
        image, label = (a.arg for a in function.args.args)
        returns = [r.value for r in ast.walk(function) if isinstance(r, ast.Return)]
        if len(returns) != 1 or not isinstance(returns[0], ast.Tuple) \
                or [getattr(e, "id", None) for e in returns[0].elts] != [image, label]:
            continue
        if any(isinstance(n, ast.Name) and n.id == label and isinstance(n.ctx, ast.Store) for n in ast.walk(function)):
            continue  # the label is rebound in there: not left alone
        for stmt in function.body:
            perm = _transpose_of(stmt, image)
            if perm is not None and len(perm) == len(labels) and tuple(labels[i] for i in perm) == out:
                found.append((function, stmt, perm, label))
    if len(found) != 1:
        return None
    function, stmt, perm, label = found[0]
    text = linecache.getline(path, stmt.lineno)
    if not text.isascii() or stmt.lineno != stmt.end_lineno:
        return None
    label_perm = _label_perm(call, perm, labels)
    if label_perm is None:
        return None
    value = stmt.value
    spelled = ast.unparse(ast.List([ast.Constant(i) for i in label_perm]))
    perm_keyword = next((k for k in value.keywords if k.arg == "perm"), None)
    args = f"{label}, perm={spelled}" if perm_keyword is not None else f"{label}, {spelled}"
    line = f"{text[:len(text) - len(text.lstrip())]}{label} = {ast.unparse(value.func)}({args})"
    edit = TextEdit.insert_line(path, stmt.lineno + 1, line)
    fix = script_checked_fix(f"transpose the label where the image is: {line.strip()}", line.strip(),
                             display_path(path), stmt.lineno + 1, [edit], cost=1)
    place = Place("labels", label, "labels", display_path(path), stmt.lineno, text.strip())
    why = (f"`{function.name}` lays each image out in another order ({ast.unparse(value)}) and returns the label as "
           f"it was: the model predicts {out} per sample for labels of {labels}, the same sizes in the old order. "
           "Transpose the label in the same step (a Reshape would mix the positions).")
    return place, fix, why, True


def _label_perm(call: Any, perm: list[int], labels: tuple) -> list[int] | None:
    """The perm for the label at the map step: the image's when an array of the script holds labels of the
    final shape, without the channel entry when one holds them without the channel axis (a later step adds it)."""
    held = [tuple(getattr(v, "shape", ()))[1:] for v in call.names.values() if getattr(v, "ndim", 0) >= 2]
    if labels in held:
        return perm
    if perm[-1] == len(perm) - 1 and labels[:-1] in held:
        return perm[:-1]
    return None


def _transpose_of(stmt: ast.stmt, name: str) -> list[int] | None:
    """The literal perm of ``name = X.transpose(name, perm=[...])`` (tf, np, keras.ops), else None."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name) \
            or stmt.targets[0].id != name or not isinstance(stmt.value, ast.Call):
        return None
    call = stmt.value
    if not isinstance(call.func, ast.Attribute) or call.func.attr != "transpose" or not call.args \
            or not isinstance(call.args[0], ast.Name) or call.args[0].id != name:
        return None
    perm = next((k.value for k in call.keywords if k.arg in ("perm", "axes")), call.args[1] if len(call.args) > 1 else None)
    try:
        value = ast.literal_eval(perm) if perm is not None else None
    except ValueError:
        return None
    if not isinstance(value, (list, tuple)) or sorted(value) != list(range(len(value))):
        return None
    return list(value)
