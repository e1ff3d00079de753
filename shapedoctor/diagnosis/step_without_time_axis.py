"""One decoding step given its tokens without the time axis: where the step's input was made.

A sequence decoder is trained on (batch, steps) token ids. Greedy decoding then calls it by hand, one step at a
time, with the batch's first tokens: d2l's seq2seq starts from ``d2l.expand_dims(tgt[:, 0], 1)``, a (batch, 1)
column. Writing ``tgt[:, 0]`` gives a (batch,) vector: the decoder embeds it as a (batch, embed) matrix, and the
first operation that needs the time axis refuses it (a ``tf.concat`` with the tiled context, an RNN's
``ndim=3``), inside the layer's own code (r1149). Keras names that operation; the cause is the line that made
the step's input one axis short.

Evidence, recorded and read: the failure happened inside a layer or model called directly (not symbolically);
its first argument has one axis, of the size the first axis of another argument has (that axis is the batch,
so the missing axis is not the batch); the same layer ran, while its model trained, on a first input of two
axes. In the traceback's frames of the user's code, innermost first, exactly one name on the running line
holds that vector, and the function (or the script) running that line bound it above with a one-line
assignment, plain (``x = value``) or unpacked from a tuple (``state, x = s, value``). That value is the root
cause; the fix gives it the time axis in place (``np.expand_dims(value, 1)``), proven by running the patched
script, and is the only fix offered: the layer is right, it trained on (batch, steps) ids.
"""

from __future__ import annotations

import ast
from typing import Any


def step_without_time_axis(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the value made without its time axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _found(exc: BaseException | None, finding: Any, recorder: Any):
    failure = getattr(recorder, "failure", None)
    if exc is None or failure is None:
        return None
    outer = failure.stack[0] if failure.stack else failure.call
    if outer.symbolic or not outer.args:
        return None
    from keras import tree

    from shapedoctor.diagnosis.call_without_batch import known_shape

    step = known_shape(outer.args[0])
    if step is None or len(step) != 1:
        return None
    others = [known_shape(t) for t in tree.flatten((outer.args[1:], outer.kwargs))]
    if not any(s is not None and len(s) >= 2 and s[0] == step[0] for s in others):
        return None  # nothing says the vector's one axis is the batch
    if not _trained_on_steps(outer.layer, recorder):
        return None
    bound = _bound_value(exc, step)
    return None if bound is None else (*bound, outer.layer.name)


def _trained_on_steps(layer: Any, recorder: Any) -> bool:
    """A recorded model run applied *layer* (by name, as a step of a model) to a first input of two axes."""
    steps = [s for run in getattr(recorder, "runs", None) or [] for s in run.steps if s.name == layer.name]
    return bool(steps) and all(s.in_shape is not None and len(s.in_shape) == 2 for s in steps)


def _bound_value(exc: BaseException, shape: tuple):
    """(file, statement, name, value node, runtime value) for the one name on a running user line that holds an
    array or tensor of *shape*, bound above that line in its frame's scope; None when there is none."""
    from shapedoctor.diagnosis.call_without_batch import held_binding

    found = held_binding(exc, shape, _last_binding)
    if found is None:
        return None
    frame, path, _statement, name, (made, value) = found
    return path, made, name, value, frame.f_locals[name]


def _last_binding(scope: ast.AST, name: str, before: int) -> tuple[ast.Assign, ast.expr] | None:
    """The last one-line statement above *before* in *scope* binding *name*, and the value it gives *name*:
    ``name = value``, or ``a, name = x, value`` (a tuple unpacked from a tuple written out)."""
    found = []
    for node in ast.walk(scope):
        if not isinstance(node, ast.Assign) or node.lineno >= before or node.lineno != node.end_lineno \
                or len(node.targets) != 1:
            continue
        target, value = node.targets[0], node.value
        if isinstance(target, ast.Name) and target.id == name:
            found.append((node, value))
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) \
                and len(target.elts) == len(value.elts):
            found += [(node, v) for t, v in zip(target.elts, value.elts) if isinstance(t, ast.Name) and t.id == name]
    return max(found, key=lambda pair: pair[0].lineno) if found else None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    import numpy as np

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, imported_names, source_tree

    path, statement, name, node, value, layer = found
    raw = linecache.getline(path, statement.lineno)
    if not raw.isascii():
        return finding
    text = ast.get_source_segment("".join(linecache.getlines(path)), node)
    names = imported_names(source_tree(path))
    if isinstance(value, np.ndarray) and "np" in names:
        grown = f"np.expand_dims({text}, 1)"
    elif not isinstance(value, np.ndarray) and "tf" in names:
        grown = f"tf.expand_dims({text}, 1)"
    elif "ops" in names:
        grown = f"ops.expand_dims({text}, 1)"
    else:
        grown = f"({text})[:, None]"
    change = TextEdit.replacing(path, node, grown)
    fix = script_checked_fix(f"give `{name}` its time axis of one step where it is made: {grown}", change.shown(),
                             display_path(path), statement.lineno, [change], cost=1)
    shape = tuple(getattr(value, "shape", ()))
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", name, "data", path, statement.lineno)
    finding.explanation = (
        f"`{name}` is {format_shape(shape)}: one token per sample, without the time axis. The layer it is "
        f"given was trained on (batch, steps) ids, so one decoding step must be (batch, 1): a batch of "
        f"sequences one step long. Without that axis its own code meets a tensor one axis short, and the first "
        f"operation that needs the time axis refuses it. Give `{name}` the axis where it is made: `{grown}` is "
        f"{format_shape(shape + (1,))}.")
    finding.id, finding.family = "SD101", "wrong-rank"  # one axis short, whatever operation noticed it
    finding.expected, finding.received = "one step of (batch, 1) ids", format_shape(shape)
    finding.message = (f"`{layer}` was called on one decoding step without its time axis: expected "
                       f"{finding.expected}, received {finding.received}")
    finding.fixes = [fix]  # the layer is right (it trained on (batch, steps) ids): no layer edit
    return finding
