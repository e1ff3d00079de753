"""Training-time checks of structure: one array where the model takes one per input or output.

A model with several inputs takes a list (in the order of ``keras.Model(inputs=[...])``) or a
dict by input name; one with several outputs takes one label array per output. Given a single
array instead, Keras 3 says ``Layer "functional" expects 2 named input(s) ... but it received 1
input tensors`` or, for labels, ``The path: (0,) in the `loss` argument, can't be found``. The
root cause is the ``fit``/``predict`` argument; the fix passes one array per input (output).

The arrays to pass are found among the caller's own variables (``TrainingCall.names``, recorded
when the call was made): for each input (output) the variable whose shape fits it and whose
sample count is the call's, a variable named like the input (output) first. When that is not
unique, the problem is reported without a fix rather than with a guess.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import (
    Problem,
    TrainingFix,
    flat_items,
    input_accepts,
    loss_aligned_shapes,
    loss_name,
    model_inputs,
    model_outputs,
    output_keys,
    shapes_fit,
)
from shapedoctor.graph.model import format_shape
from shapedoctor.trace.recorder import shape_of


def _name_of(call: Any, obj: Any) -> str | None:
    return next((name for name, value in call.names.items() if value is obj), None)


def _same_word(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = a.lower().strip("_"), b.lower().strip("_")
    return a == b or a.startswith(b) or b.startswith(a)


def _assign(call: Any, wanted: list[tuple], names: list[str], given: Any, fits, other: Any = None) -> list[str] | None:
    """A variable name for each wanted shape, the given array's own name at its place; None if ambiguous.
    The arrays passed on the *other* side of the call (the labels, for inputs) are never candidates."""
    count = (shape_of(given) or (None,))[0]
    passed = [a for a in flat_items(other) if a is not None] if other is not None else []
    pool = {n: shape_of(v) for n, v in call.names.items() if shape_of(v) and shape_of(v)[0] == count
            and not any(v is a for a in passed)}
    given_name = _name_of(call, given)
    chosen: list[str | None] = [None] * len(wanted)
    if given_name is not None:
        slots = [i for i, w in enumerate(wanted) if fits(w, pool.get(given_name, ()))]
        named = [i for i in slots if _same_word(names[i] if i < len(names) else None, given_name)]
        if named or len(slots) >= 1:
            chosen[(named or slots)[0]] = given_name
    for i, want in enumerate(wanted):
        if chosen[i] is not None:
            continue
        free = [n for n, s in pool.items() if n not in chosen and fits(want, s)]
        named = [n for n in free if _same_word(names[i] if i < len(names) else None, n)]
        pick = named if len(named) == 1 else free
        if len(pick) != 1:
            return _numbered(chosen, wanted, pool, fits)
        chosen[i] = pick[0]
    return chosen  # type: ignore[return-value]


def _numbered(chosen: list, wanted: list[tuple], pool: dict, fits) -> list[str] | None:
    """The open slots filled in order by arrays numbered like them (``X1``, ``X2`` for a two-headed model:
    the MLM multi-headed CNN, r1033) when their shapes alone cannot tell them apart: one stem, the numbers
    1..k (or 0..k-1) for the k open slots, each array fitting its slot."""
    import re

    open_slots = [i for i, c in enumerate(chosen) if c is None]
    free = [n for n in pool if n not in chosen and re.fullmatch(r"[A-Za-z_]+\d", n)]
    stems = {n[:-1] for n in free}
    if len(stems) != 1 or len(free) != len(open_slots):
        return None
    ordered = sorted(free, key=lambda n: n[-1])
    if [int(n[-1]) for n in ordered] not in (list(range(1, len(free) + 1)), list(range(len(free)))):
        return None
    filled = list(chosen)
    for slot, name in zip(open_slots, ordered):
        if not fits(wanted[slot], pool[name]):
            return None
        filled[slot] = name
    return filled


def _input_names(model: Any) -> list[str]:
    try:
        return [t._keras_history.operation.name for t in model.inputs]
    except (AttributeError, ValueError, TypeError):
        return []


def _one_array_each(prob: Problem, call: Any, chosen: list[str] | None, names: list[str], what: str) -> Problem:
    """The fix that passes the user's arrays *chosen* (one per model input or output), if they are known."""
    if chosen is None:
        prob.explanation += f" Which of your arrays belongs to which {what} cannot be told from their shapes."
        return prob
    objs = [call.names[n] for n in chosen]
    title = "pass one array per input" if what == "input" else "pass one label array per output"
    prob.fixes.append(TrainingFix(
        f"{title}, in the model's order", "data" if what == "input" else "labels", whole=True,
        apply=lambda _value, objs=objs: list(objs), replace_argument="[" + ", ".join(chosen) + "]", cost=1,
        note=f"{what}s in order: " + ", ".join(f"{n} -> {v}" for n, v in zip(names, chosen))))
    return prob


def missing_inputs(call: Any, model: Any) -> Problem | None:
    """One array given to a model that declares several inputs."""
    declared = model_inputs(model)
    if len(declared) < 2 or call.batched or isinstance(call.x_ref, (list, tuple, dict)) or shape_of(call.x_ref) is None:
        return None
    names = _input_names(model)
    shown = ", ".join(f"{n} {format_shape(s)}" for n, s in zip(names, declared))
    prob = Problem("SD201", f"the model takes {len(declared)} inputs ({shown}) but {call.method} was given one array "
                   f"{format_shape(shape_of(call.x_ref))}", "data",
                   expected=f"{len(declared)} arrays: " + ", ".join(format_shape(s) for s in declared),
                   received=f"1 array {format_shape(shape_of(call.x_ref))}")
    prob.extra_where = "argument"
    prob.explanation = ("A model built with `keras.Model(inputs=[...])` takes one array per input, as a list in that "
                        "order or a dict by input name; a single array (also several arrays stacked side by side) "
                        "reaches only one of them.")
    repeated = _repeated_elsewhere(call, model, len(declared))
    if repeated is not None:  # the model was given one array for every input before: [x, x, x]
        prob.fixes.append(TrainingFix(
            f"pass `{repeated}` to each input, as the earlier call of this model passed its array", "data",
            whole=True, apply=lambda value, k=len(declared): [value] * k,
            replace_argument="[" + ", ".join([repeated] * len(declared)) + "]", cost=1))
        if call.site is not None:  # the array is right: the call's argument lacks its copies (r1144)
            prob.data_site = (call.site.file, call.site.line)
        return prob
    return _one_array_each(prob, call, _assign(call, declared, names, call.x_ref, input_accepts, call.y_ref), names, "input")


def _repeated_elsewhere(call: Any, model: Any, k: int) -> str | None:
    """The name of the one array *call* was given, when another call of the same model passed a list of k
    times one array (an n-gram multichannel model fit on ``[trainX, trainX, trainX]``), else None."""
    from shapedoctor.trace import recorder as _rec

    given = _name_of(call, call.x_ref)
    recorder = _rec.CURRENT
    if given is None or recorder is None:
        return None
    for other in getattr(recorder, "training_calls", None) or []:
        x = other.x_ref
        if other is not call and other.model is model and isinstance(x, (list, tuple)) and len(x) == k \
                and shape_of(x[0]) is not None and all(item is x[0] for item in x):
            return given
    return None


def listed_inputs(call: Any, model: Any) -> Problem | None:
    """One Python list (of numbers, or of rows of numbers) per input of a several-input model.

    Keras 3 converts each input with NumPy rules only for arrays; nested Python lists as in
    ``model.predict([[token_ids], [segment_ids]])`` end in 'Unrecognized data type'. The fix, the
    idiom of such answers, makes each list an array where it is passed:
    ``model.predict([np.array([token_ids]), np.array([segment_ids])])``."""
    import numpy as np

    from shapedoctor.trace.training import is_row_list

    declared, x = model_inputs(model), call.x_ref
    if len(declared) < 2 or call.batched or not isinstance(x, (list, tuple)) or len(x) != len(declared):
        return None
    listed = [i for i, item in enumerate(x) if isinstance(item, list) and is_row_list(item)]
    if not listed or any(shape_of(item) is None and i not in listed for i, item in enumerate(x)):
        return None
    names = _input_names(model)
    shown = ", ".join(names[i] if i < len(names) else f"input {i}" for i in listed)
    prob = Problem("SD201", f"{'inputs' if len(listed) > 1 else 'input'} {shown} given as Python lists, not arrays",
                   "data", expected=", ".join(format_shape(s) for s in declared),
                   received=", ".join("a list" if i in listed else format_shape(shape_of(v)) for i, v in enumerate(x)))
    prob.extra_where = "argument"
    prob.explanation = ("Keras 3 takes each input of a several-input model as an array (or tensor); a nested Python "
                        "list is not converted ('Unrecognized data type'). Make each list an array where it is "
                        "passed, with its batch axis: np.array([ids]) for one sample.")
    new = "[" + ", ".join(("np.array({%d})" % i) if i in listed else "{%d}" % i for i in range(len(x))) + "]"
    prob.fixes.append(TrainingFix("make each input list an array: np.array(...)", "data", whole=True, cost=1,
                                  apply=lambda xs, listed=listed: [np.asarray(v) if i in listed else v
                                                                   for i, v in enumerate(xs)],
                                  rewrite_argument=new))
    return prob


def _fits_output(out: tuple, labels: tuple) -> bool:
    if not labels:
        return False
    a, b = loss_aligned_shapes(tuple(labels), tuple(out))
    return len(a) == len(b) and shapes_fit(tuple(a[1:]), tuple(b[1:]))


def single_target(call: Any, model: Any) -> Problem | None:
    """One label array given to a model with several outputs."""
    outputs = model_outputs(model)
    if len(outputs) < 2 or call.batched or call.y_ref is None or isinstance(call.y_ref, (list, tuple, dict)):
        return None
    if shape_of(call.y_ref) is None:
        return None
    loss = call.loss
    trained = [v for v in (loss.values() if isinstance(loss, dict) else loss if isinstance(loss, (list, tuple)) else [])
               if v is not None]
    if isinstance(loss, (list, tuple, dict)) and len(loss) == len(outputs) and len(trained) == 1:
        return None  # `loss=[loss_fn, None]`: one output is trained, its labels are the one array (keras-io's GPT)
    names = output_keys(model)
    shown = ", ".join(f"{n} {format_shape(s)}" for n, s in zip(names, outputs))
    prob = Problem("SD203", f"the model has {len(outputs)} outputs ({shown}) but {call.method} was given one label "
                   f"array {format_shape(shape_of(call.y_ref))}", "labels",
                   expected=f"{len(outputs)} label arrays", received="1 label array")
    prob.extra_where = "argument"
    prob.explanation = ("A multi-output model needs one label array per output, as a list in the order of "
                        "`keras.Model(outputs=[...])` or a dict by output name; with a single array Keras cannot "
                        "pair the losses with the labels.")
    chosen = _assign(call, outputs, names, call.y_ref, _fits_output, call.x_ref)
    if chosen is None and _same_target_each(call, outputs, loss):
        given = _name_of(call, call.y_ref)
        n = len(outputs)
        prob.fixes.append(TrainingFix(
            "give every output the same labels: an auxiliary output learns the main target", "labels", whole=True,
            apply=lambda value, n=n: [value] * n, replace_argument="[" + ", ".join([given] * n) + "]", cost=2,
            validation_labels="[" + ", ".join(["{0}"] * n) + "]" if call.validation is not None else None,
            note="right when the outputs predict one target (a main and an auxiliary head); with targets of their "
                 "own, pass those instead"))
        prob.explanation += (" Every output has the shape of this one label array, and no other array of the "
                             "script fits any of them: the outputs predict the same target (a main and an "
                             "auxiliary head), so each gets the same labels.")
        return prob
    return _one_array_each(prob, call, chosen, names, "output")


def _same_target_each(call: Any, outputs: list, loss: Any) -> bool:
    """Every output fits the one label array passed (a variable of the caller), under one kind of loss."""
    if _name_of(call, call.y_ref) is None or not all(_fits_output(out, shape_of(call.y_ref)) for out in outputs):
        return False
    if call.validation is not None and (len(flat_items(call.validation[1])) != 1
                                        or not all(_fits_output(o, flat_items(call.validation[1])[0])
                                                   for o in outputs)):
        return False
    kinds = {loss_name(v) for v in (loss.values() if isinstance(loss, dict) else loss)} \
        if isinstance(loss, (list, tuple, dict)) else {loss_name(loss)}
    return len(kinds) == 1


def _loss_for_output(model: Any, index: int, labels: Any) -> str:
    """The loss an expert gives an output: from its activation and the labels it is trained on."""
    import numpy as np

    try:
        layer = model.outputs[index]._keras_history.operation
        activation = getattr(getattr(layer, "activation", None), "__name__", "")
    except (AttributeError, IndexError, ValueError):
        activation = ""
    width = (model_outputs(model)[index] or (None,))[-1]
    if activation == "sigmoid":
        return "binary_crossentropy"
    if activation == "softmax" and width and width > 1:
        arr = np.asarray(labels) if labels is not None else None
        one_hot = arr is not None and arr.ndim >= 2 and arr.shape[-1] == width
        return "categorical_crossentropy" if one_hot else "sparse_categorical_crossentropy"
    return "mean_squared_error"


def short_loss_list(call: Any, model: Any) -> Problem | None:
    """``compile(loss=[...])`` with fewer losses than outputs: Keras 3 trains only the outputs that have one."""

    outputs = model_outputs(model)
    loss = call.loss
    if len(outputs) < 2 or not isinstance(loss, (list, tuple)) or not 0 < len(loss) < len(outputs):
        return None
    names = (output_keys(model) or [f"output {i}" for i in range(len(outputs))])
    missing = names[len(loss):]
    ys = flat_items(call.y_ref) if isinstance(call.y_ref, (list, tuple, dict)) else []
    full = [loss_name(v) if isinstance(v, str) else v for v in loss]
    full += [_loss_for_output(model, i, ys[i] if i < len(ys) else None) for i in range(len(loss), len(outputs))]
    prob = Problem("SD203", f"compile(loss=...) lists {len(loss)} loss{'es' if len(loss) != 1 else ''} for "
                   f"{len(outputs)} outputs: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} never trained",
                   "loss", expected=f"{len(outputs)} losses", received=f"{len(loss)}",
                   output_index=len(loss))
    prob.silent_family = "SD203"  # Keras runs the call (it only warns): a warning, also under `check`
    prob.explanation = ("A list of losses pairs with the outputs in order; Keras 3 computes no loss for an output "
                        "that has none, so its layers get no gradient (Keras only warns 'Gradients do not exist for "
                        "variables ...') and it never learns. Give every output a loss (one string applies to all).")
    if all(isinstance(v, str) for v in full):
        prob.fixes.append(TrainingFix("give every output a loss: loss=[...] with one entry per output", "loss",
                                      loss=full, whole=True, cost=1,
                                      note="the added losses follow each output's activation and labels"))
    return prob


def regrouped_element(call: Any, model: Any) -> Problem | None:
    """A generator yields ``(x, y)`` to a model of several inputs or outputs whose inputs and outputs
    are those same arrays regrouped (XifengGuo/CapsNet-Keras#51: the image and its label feed the
    two inputs, the label and the image are the two targets). Each declared input and each output is
    filled by exactly one of the yielded arrays, by shape; the ``yield`` is rewritten to give
    ``(inputs), (targets)`` with the user's own names, and verified on one training step."""
    import ast
    import linecache
    import os

    from shapedoctor.diagnosis import data_origin
    from shapedoctor.diagnosis.training_base import loss_aligned_shapes, model_outputs

    declared, outputs = model_inputs(model), model_outputs(model)
    if call.source != "generator" or not call.batched or max(len(declared), len(outputs)) < 2 \
            or isinstance(call.x_ref, (list, tuple, dict)) or isinstance(call.y_ref, (list, tuple, dict)) \
            or call.producer is None or call.site is None \
            or os.path.abspath(call.producer[0]) != os.path.abspath(call.site.file):
        return None
    given = [call.x_ref, call.y_ref]
    shapes = [shape_of(a) for a in given]
    if None in shapes:
        return None

    def filled(wanted: list, fits) -> list[int] | None:
        order = []
        for want in wanted:
            matches = [k for k, shape in enumerate(shapes) if fits(tuple(want), tuple(shape))]
            if len(matches) != 1:
                return None
            order.append(matches[0])
        return order

    ins = filled(declared, input_accepts)
    outs = filled(outputs, lambda out, y: shapes_fit(*(tuple(a[1:]) for a in loss_aligned_shapes(y, out))))
    if ins is None or outs is None or (ins == [0] and outs == [1]):
        return None
    found = data_origin.yield_edit(call.site.file, call.producer[1])
    if found is None:
        return None
    line = found[0]
    text = linecache.getline(call.site.file, line)
    try:
        statement = ast.parse(text.strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    value = getattr(getattr(statement, "value", None), "value", None)
    if not text.isascii() or not isinstance(value, ast.Tuple) or len(value.elts) != 2:
        return None
    indent = len(text) - len(text.lstrip())
    names = [ast.get_source_segment(text.strip(), e) for e in value.elts]

    def group(order: list[int]) -> str:
        return names[order[0]] if len(order) == 1 else "(" + ", ".join(names[k] for k in order) + ")"

    new_value = f"{group(ins)}, {group(outs)}"
    start, end = indent + value.col_offset, indent + value.end_col_offset
    new_line = text[:start] + new_value + text[end:]
    in_names, out_names = _input_names(model), output_keys(model)
    prob = Problem("SD201", f"the generator yields (x {format_shape(shapes[0])}, y {format_shape(shapes[1])}) to a model "
                   f"of {len(declared)} input(s) and {len(outputs)} output(s)", "data",
                   expected=f"inputs {', '.join(format_shape(s) for s in declared)}; "
                            f"outputs {', '.join(format_shape(o) for o in outputs)}",
                   received=f"{format_shape(shapes[0])}, {format_shape(shapes[1])}")
    prob.data_site = (call.site.file, line)
    prob.settled = True
    prob.explanation = ("Keras takes each element a generator yields as (inputs, targets). This model takes "
                        f"{len(declared)} input(s) ({', '.join(in_names)}) and gives {len(outputs)} output(s) "
                        f"({', '.join(out_names)}); the two yielded arrays fill them all by shape, regrouped: "
                        f"inputs {group(ins)}, targets {group(outs)}.")
    regrouped_x = [given[k] for k in ins] if len(ins) > 1 else given[ins[0]]
    regrouped_y = [given[k] for k in outs] if len(outs) > 1 else given[outs[0]]
    prob.fixes.append(TrainingFix(f"yield the inputs and the targets the model declares: yield {new_value}", "data",
                                  whole=True, cost=1, apply=lambda _x, v=regrouped_x: v, new_labels=regrouped_y,
                                  line_edit=(line, start, end, new_value, new_line.strip())))
    return prob
