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

The pix2pix tutorial (r1040) puts an ``Activation("sigmoid")`` after the one-filter convolution and makes
its labels in helpers: ``[X1, X2], y = generate_real_samples(dataset, n)`` returns the ``y`` its body
fills with ``np.ones((n_samples, 1))``, and ``generate_fake_samples`` fills ``np.zeros((len(X), 1))``. Layers
that keep the shape (activations, normalisation, dropout) are looked through to the convolution; a label
name bound by unpacking a call of a module function is followed to the name that function returns at that
position, filled once in its body; each fill keeps its own count.
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
    last = _scoring_layer(call.model)
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
    found = _fill_of(tree, file, fills, arg.id, call.site.line)
    if found is None:
        return None
    stmt, shape = found
    text = linecache.getline(file, stmt.lineno).rstrip("\n")
    per_sample = [ast.unparse(e) for e in shape.elts[1:]]
    new_shape = _new_shape(text, shape, model)
    edits, shown, seen = [], [], set()
    for name, line_no in _labels_passed_to(tree, model):  # the fake labels beside the real ones go along
        other_found = _fill_of(tree, file, fills, name, line_no)
        if other_found is None or other_found[0].lineno in seen:
            continue
        other, other_shape = other_found
        if [ast.unparse(e) for e in other_shape.elts[1:]] != per_sample:
            continue  # filled for another output shape: not the same slip
        seen.add(other.lineno)
        line = linecache.getline(file, other.lineno).rstrip("\n")
        other_new = _new_shape(line, other_shape, model)
        edits.append(_edit(file, line, other.lineno, other_shape, other_new))
        shown.append(line[:other_shape.col_offset] + other_new + line[other_shape.end_col_offset:])
    if stmt.lineno not in seen:
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


_SHAPE_KEEPING = ("Activation", "LeakyReLU", "ReLU", "PReLU", "ELU", "Softmax", "BatchNormalization",
                  "LayerNormalization", "GroupNormalization", "Dropout", "SpatialDropout2D", "GaussianNoise")


def _scoring_layer(model: Any) -> Any:
    """The layer that makes the model's scores: its output layer, or the layer before the activations and
    normalisations that end it (a one-filter convolution, then ``Activation("sigmoid")``)."""
    from shapedoctor.diagnosis.training_base import layers_back

    for layer in layers_back(model, 0, 6):
        if type(layer).__name__ not in _SHAPE_KEEPING:
            return layer
    return None


def _new_shape(text: str, shape: ast.Tuple, model: str) -> str:
    count = text[shape.elts[0].col_offset:shape.elts[0].end_col_offset]
    return f"({count},) + {model}.output_shape[1:]"


def _fill_of(tree: ast.Module, file: str, fills: dict, name: str, line: int):
    """(the fill's statement, its literal shape tuple) that *name*, read on *line*, holds: a name filled once
    in the module, or one unpacked from a call of a module function whose one ``return`` gives, at the
    name's position, a name that function's body fills once. None otherwise."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, one_return
    from shapedoctor.trace.sites import called_name

    if name in fills:
        return fills[name]
    scope = enclosing_scope(tree, line)
    unpacked = [s for s in ast.walk(scope) if isinstance(s, ast.Assign) and len(s.targets) == 1 and s.lineno < line
                and isinstance(s.targets[0], (ast.Tuple, ast.List)) and isinstance(s.value, ast.Call)]
    for stmt in sorted(unpacked, key=lambda s: -s.lineno):
        names = [e.id if isinstance(e, ast.Name) else None for e in stmt.targets[0].elts]
        if name not in names:
            continue
        helper = called_name(stmt.value.func)
        returned = one_return(tree, helper) if isinstance(stmt.value.func, ast.Name) else None
        value = returned.value if returned is not None else None
        if not isinstance(value, (ast.Tuple, ast.List)) or len(value.elts) != len(names):
            return None
        inner = value.elts[names.index(name)]
        function = next(f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == helper)
        if not isinstance(inner, ast.Name):
            return None
        return _fills(function, file).get(inner.id)
    return None


def _fills(tree: ast.AST, file: str) -> dict:
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


def _labels_passed_to(tree: ast.Module, model: str) -> list[tuple[str, int]]:
    """The names passed as labels to *model*'s training calls anywhere in the module, each with the line
    of its first such call."""
    names: dict[str, int] = {}
    for n in sorted(ast.walk(tree), key=lambda n: getattr(n, "lineno", 0)):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _TRAINING \
                and isinstance(n.func.value, ast.Name) and n.func.value.id == model:
            arg = next((k.value for k in n.keywords if k.arg == "y"), n.args[1] if len(n.args) > 1 else None)
            if isinstance(arg, ast.Name):
                names.setdefault(arg.id, n.lineno)
    return list(names.items())


def _edit(file: str, line: str, lineno: int, shape: ast.Tuple, new: str):
    from shapedoctor.patch.textedit import TextEdit

    return TextEdit(file, lineno, shape.col_offset, lineno, shape.end_col_offset, new)
