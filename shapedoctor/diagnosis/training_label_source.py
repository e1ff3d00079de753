"""Labels made from the wrong source: cut from the inputs' array, or repeated at every step.

**Cut from the inputs' array while the labels' own array sits beside it.**

A train/validation split written by hand copies one line into the next and forgets to change the
array: ``x_train = data[:-n]`` then ``y_train = data[:-n]`` (keras-team/keras#10791, the
pretrained-embeddings example). The labels are then the inputs themselves, and the loss compares
(N, 1000) token ids with a (None, 20) classifier output. An autoencoder's labels are its inputs on
purpose; a classifier whose output is not shaped like its input is no autoencoder.

Evidence, all read, none guessed: the labels hold the very values of one input (same shape, same
first rows); the model's output is not shaped like that input; the labels argument is a name the
script assigned with ``name = base[cut]`` and the input with the same ``base[cut]``; exactly one
other array the script holds has ``base``'s number of samples and fits the output under the loss.
The fix writes that array in place of ``base`` on the labels' line; it is verified on one training
step with the cut evaluated on the new array (the cut is plain slicing of names and numbers), and
the labels' line is the root cause.

**One label repeated at every step for a model that gives one per sample** (keras-team/keras#7905:
per-frame one-hot targets (N, 12, 4) for a many-to-one ConvLSTM2D clip classifier, (None, 4)). When
every step of every sample holds the same label (checked on all the labels), the step axis carries
no information: the sample's label is its first step's, ``y[:, 0]``, and the labels' line is the
root cause. Labels that change along the axis are per-step labels: the model then is what differs,
and this rule stays silent.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.graph.model import format_shape

_PLAIN = (ast.Name, ast.Constant, ast.Slice, ast.BinOp, ast.UnaryOp, ast.Tuple, ast.Load, ast.operator,
          ast.unaryop)


def labels_cut_from_inputs(call: Any, prob: Any, out: tuple, index: int, loss: Any) -> bool:
    """Settle *prob* (labels vs output of output *index*) on the labels' line when the labels were cut
    from the inputs' array (see the module); True when it did."""
    import numpy as np

    from shapedoctor.diagnosis.data_remake import made_on
    from shapedoctor.diagnosis.training_base import TrainingFix, flat_items
    from shapedoctor.diagnosis.training_fixes import _loss_invariant, argument_name, assignment_line

    site = call.site
    ys, xs = flat_items(call.y_ref), flat_items(call.x_ref)
    if site is None or index >= len(ys) or len(xs) != 1 or len(ys) != 1:
        return False
    x, y = xs[0], ys[0]
    try:
        same = np.shape(x) == np.shape(y) and np.array_equal(np.asarray(x[:8]), np.asarray(y[:8]))
    except Exception:  # noqa: BLE001 - not array-like
        return False
    if not same or tuple(np.shape(x)[1:]) == tuple(out[1:]):
        return False  # labels that are the inputs of a model shaped like them: an autoencoder
    xvar, yvar = argument_name(site, 0, "x"), argument_name(site, 1, "y")
    if not xvar or not yvar or xvar == yvar:
        return False
    made = {}
    for var in (xvar, yvar):
        line = assignment_line(site, var)
        stmt = made_on(site.file, line, var) if line else None
        value = stmt.value if stmt is not None else None
        if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)):
            return False
        made[var] = (stmt, value)
    (_, x_value), (y_made, y_value) = made[xvar], made[yvar]
    base = y_value.value.id
    cut = y_made.segment(y_value.slice)
    if x_value.value.id != base or made[xvar][0].segment(x_value.slice) != cut or cut is None:
        return False
    names = getattr(call, "names", None) or {}
    whole = names.get(base)
    if whole is None:
        return False
    fitting = []
    for name, value in names.items():
        if name in (base, xvar, yvar) or value is x or value is y or np.shape(value)[:1] != np.shape(whole)[:1]:
            continue
        verdict = _loss_invariant(loss, (None,) + tuple(np.shape(value)[1:]), tuple(out))
        if verdict is not None and verdict[0]:
            fitting.append((name, value))
    if len(fitting) != 1:
        return False
    name, labels = fitting[0]
    new_labels = _cut(labels, y_value.slice, getattr(call, "sizes", None) or {})
    if new_labels is None or np.shape(new_labels)[0] != np.shape(y)[0]:
        return False
    line_edit = y_made.edit(name + y_made.text.strip()[y_value.value.end_col_offset:y_value.end_col_offset])
    prob.culprit_kind = "labels"
    prob.settled = True
    prob.explanation += (f" The labels are the inputs themselves: `{yvar}` is cut from `{base}` exactly as `{xvar}` "
                         f"is, while the model is no autoencoder (its output is {format_shape(tuple(out))}, the inputs "
                         f"{format_shape((None,) + tuple(np.shape(x)[1:]))}). `{name}` holds one label row per sample "
                         f"of `{base}` that fits the output: cut the labels from it.")
    # Widening the output to the token ids' width would fit a classifier to its own inputs: the only fix.
    prob.fixes[:] = [TrainingFix(f"cut the labels from `{name}`, not from the inputs' `{base}`: {line_edit[4]}",
                                     "labels", apply=lambda _y, labels=new_labels: labels, line_edit=line_edit,
                                     cost=1)]
    return True



def _cut(array: Any, cut: ast.expr, sizes: dict) -> Any:
    """``array[cut]`` when *cut* is plain slicing of numbers and the script's integer names, else None."""
    if not all(isinstance(node, _PLAIN) for node in ast.walk(cut)):
        return None
    names = {n.id for n in ast.walk(cut) if isinstance(n, ast.Name)}
    if not names <= set(sizes) or not all(type(sizes[n]) is int for n in names):
        return None
    expression = ast.Expression(ast.Subscript(ast.Name("_array", ast.Load()), cut, ast.Load()))
    try:
        code = compile(ast.fix_missing_locations(expression), "<cut>", "eval")
        return eval(code, {"__builtins__": {}}, {"_array": array, **{n: sizes[n] for n in names}})  # noqa: S307
    except Exception:  # noqa: BLE001 - a cut that does not evaluate: no fix
        return None



def labels_repeated_per_step(call: Any, prob: Any, out: tuple, index: int, loss: Any) -> bool:
    """Settle *prob* on the labels when they repeat one label along an axis the output does not have
    (see the module); True when it did."""
    import numpy as np

    from shapedoctor.diagnosis.training_base import TrainingFix, flat_items, numpy_transform
    from shapedoctor.diagnosis.training_fixes import _loss_invariant

    ys = flat_items(call.y_ref)
    if index >= len(ys) or not hasattr(ys[index], "shape") or prob.culprit_kind not in ("labels", "layer"):
        return False
    y = np.asarray(ys[index])
    if y.ndim < 3 or y.ndim != len(out) + 1 or y.shape[1] < 2 or not y.size:
        return False
    verdict = _loss_invariant(loss, (None,) + tuple(y.shape[2:]), tuple(out))
    if verdict is None or not verdict[0] or not np.all(y == y[:, :1]):
        return False
    how = "{v}[:, 0]"
    prob.culprit_kind = "labels"
    prob.settled = True
    prob.explanation += (f" Every one of the {y.shape[1]} steps of each sample holds the same label, and the model "
                         f"gives one prediction per sample, {format_shape(tuple(out))}: the step axis repeats the sample's "
                         "label. One label per sample is its first step's.")
    def copies(_full, y=y) -> list:  # on ALL the labels, not the few rows of the training step
        return [("keeps_data", bool(np.all(y == y[:, :1])), "the steps left out repeat the kept one")]

    prob.fixes.insert(0, TrainingFix("one label per sample, the one every step repeats: y[:, 0]", "labels",
                                     transform=how, apply=numpy_transform(how), cost=1, drops_copies=True,
                                     checks=copies))
    return True


def labels_per_step_of_any_length(call: Any, prob: Any, out: tuple, index: int, loss: Any) -> bool:
    """Settle *prob* on the labels when they give one value per step of sequences the model takes at
    any length and answers once per sequence (see the module); True when it did."""
    import numpy as np

    from shapedoctor.diagnosis.training_base import TrainingFix, flat_items, model_inputs, numpy_transform
    from shapedoctor.diagnosis.training_fixes import _loss_invariant

    ys, xs, inputs = flat_items(call.y_ref), flat_items(call.x_ref), model_inputs(call.model)
    if index >= len(ys) or len(xs) != 1 or len(inputs) != 1 or not hasattr(ys[index], "shape"):
        return False
    y, x, declared = np.asarray(ys[index]), xs[0], inputs[0]
    steps = y.shape[1] if y.ndim == 2 else None
    if (steps is None or steps < 2 or len(out) != 2 or out[1] != 1 or len(getattr(x, "shape", ())) < 3
            or tuple(x.shape[:2]) != tuple(y.shape) or len(declared) != len(x.shape) or declared[1] is not None):
        return False
    verdict = _loss_invariant(loss, (None, 1), tuple(out))
    if verdict is None or not verdict[0]:
        return False
    binary = bool(np.isin(y, (0, 1)).all())
    prob.culprit_kind = "labels"
    prob.settled = True
    prob.fixes = [f for f in prob.fixes if f.kind != "model"]  # no layer sized by one of the lengths it accepts
    prob.explanation += (f" The labels hold one value for each of the {steps} steps of every sequence, but the model "
                         f"takes sequences of any length (its input is {format_shape(declared)}) and gives one "
                         f"prediction per sequence, {format_shape(tuple(out))}: no layer can be sized by one length. "
                         "Each sequence needs one label.")
    reductions = [("{v}[:, -1:]", "the last step's label")]
    if binary:
        reductions.insert(0, ("{v}.max(axis=1, keepdims=True)", "1 when any step is 1"))
    for place, (how, what) in enumerate(reductions):
        prob.fixes.insert(place, TrainingFix(f"one label per sequence, {what}: {how.format(v='y')}", "labels",
                                             transform=how, apply=numpy_transform(how), cost=1, converts=True))
    return True
