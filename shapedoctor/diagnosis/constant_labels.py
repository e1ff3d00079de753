"""Constant labels filled in one shape for a model that scores every position: the fill's shape.

A patch discriminator (PatchGAN, the super-resolution GAN's) ends in a convolution with one filter:
one real/fake score per image patch, ``(None, 4, 4, 1)``, by design. Its labels carry no information
per position, they are a fill made by the script: ``valid = np.ones((batch_size, 1))``. The
repository's author makes them ``np.ones((batch_size,) + disc_patch)``; flattening the model to one
score would undo the design.

Evidence, read: the output has more axes than the labels; the model's last layer is a convolution
whose filters equal the labels' last size (its per-position output is deliberate: a head meant to give
one score per sample ends in a Dense); the labels argument is a name assigned once from
``np.ones``/``np.zeros``/``np.full``/``ones``/``zeros`` of a literal shape tuple. That line is the cause;
the fix writes the fill as ``(count,) + model.output_shape[1:]``, on every fill passed as labels to the
same model, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_FILLS = {"ones", "zeros", "full"}
_TRAINING = {"fit", "train_on_batch", "evaluate", "test_on_batch"}


def constant_labels(call: Any, prob: Any):
    """(culprit Place, fix, why) when constant labels were filled in a shape the per-position output
    does not have (see the module), else None."""
    from shapedoctor.diagnosis.training_base import output_layer
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD202" or call.site is None or not call.site.file or call.method not in _TRAINING:
        return None
    outputs = list(getattr(call.model, "outputs", None) or [])
    y_shape = tuple(getattr(call.y, "shape", ()) or ())
    if len(outputs) != 1 or not y_shape:
        return None
    out = tuple(outputs[0].shape)
    last = output_layer(call.model, 0)
    filters = getattr(last, "filters", None)
    if len(out) <= len(y_shape) or "Conv" not in type(last).__name__ or filters != y_shape[-1]:
        return None
    arg = argument_node(call.site, 1, "y")
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    training = _training_call_in(tree, call.site.line)
    if not isinstance(arg, ast.Name) or training is None or not isinstance(training.func.value, ast.Name):
        return None
    model = training.func.value.id
    fills = _fills(tree, file)
    if arg.id not in fills:
        return None
    stmt, shape = fills[arg.id]
    text = linecache.getline(file, stmt.lineno).rstrip("\n")
    count = text[shape.elts[0].col_offset:shape.elts[0].end_col_offset]
    new_shape = f"({count},) + {model}.output_shape[1:]"
    edits, shown = [], []
    for name in _labels_passed_to(tree, model):  # the fake labels beside the real ones go along
        if name in fills:
            other, other_shape = fills[name]
            line = linecache.getline(file, other.lineno).rstrip("\n")
            if line[other_shape.col_offset:other_shape.end_col_offset] == text[shape.col_offset:shape.end_col_offset]:
                edits.append(_edit(file, line, other.lineno, other_shape, new_shape))
                shown.append(line[:other_shape.col_offset] + new_shape + line[other_shape.end_col_offset:])
    if not edits:
        return None
    first = text[:shape.col_offset] + new_shape + text[shape.end_col_offset:]
    fix = script_checked_fix(f"fill the labels in the output's shape, one value per position: {new_shape}",
                             "\n".join(s.strip() for s in sorted(shown, key=lambda s: s != first)),
                             display_path(file), stmt.lineno, sorted(edits, key=lambda e: e.start_line), cost=1)
    place = Place("labels", arg.id, "labels", display_path(file), stmt.lineno, text.strip())
    why = (f"`{model}` ends in a convolution with {filters} filter{'s' if filters != 1 else ''}: it scores every "
           f"position, {tuple(out)}, by design (a head meant to give one score per sample ends in a Dense). "
           f"`{arg.id}` is a constant fill made on line {stmt.lineno} in the shape {y_shape}; fill it in the "
           "output's shape instead.")
    return place, fix, why


def _fills(tree: ast.Module, file: str) -> dict:
    """name -> (its one-line assignment, the literal shape tuple) for names assigned once from a fill."""
    from shapedoctor.trace.sites import called_name

    from shapedoctor.diagnosis.data_origin import assignments_by_name

    out = {}
    for name, nodes in assignments_by_name(tree).items():
        node = nodes[0]
        value = node.value
        if len(nodes) != 1 or node.lineno != node.end_lineno or not isinstance(value, ast.Call) \
                or called_name(value.func) not in _FILLS or not value.args or not isinstance(value.args[0], ast.Tuple):
            continue
        if linecache.getline(file, node.lineno).isascii() and value.args[0].elts:
            out[name] = (node, value.args[0])
    return out


def _training_call_in(tree: ast.Module, line: int) -> ast.Call | None:
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr in _TRAINING and n.lineno <= line <= (n.end_lineno or n.lineno)]
    return min(calls, key=lambda c: (c.lineno, c.col_offset)) if calls else None


def _labels_passed_to(tree: ast.Module, model: str) -> list[str]:
    """The names passed as labels to *model*'s training calls anywhere in the module."""
    names = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _TRAINING \
                and isinstance(n.func.value, ast.Name) and n.func.value.id == model:
            arg = next((k.value for k in n.keywords if k.arg == "y"), n.args[1] if len(n.args) > 1 else None)
            if isinstance(arg, ast.Name) and arg.id not in names:
                names.append(arg.id)
    return names


def _edit(file: str, line: str, lineno: int, shape: ast.Tuple, new: str):
    from shapedoctor.patch.textedit import TextEdit

    return TextEdit(file, lineno, shape.col_offset, lineno, shape.end_col_offset, new)
