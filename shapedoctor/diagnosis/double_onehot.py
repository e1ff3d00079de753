"""Labels one-hot encoded a second time in the dataset's ``.map``.

Records written with one channel per class already hold one-hot label maps; the training dataset
maps them through ``tf.one_hot(label, N_CLASSES)`` again, so each label ends in two axes of the class
count, (batch, 16, 16, 16, 3, 3), against the model's (batch, 16, 16, 16, 3) softmax, and the loss
fails ("Dimensions must be equal, but are 3 and 16"; neuronets/nobrainer#317, r714). The maintainer's
answer: encode the labels only once.

Evidence, recorded and read: the failed ``fit`` got a dataset whose labels are the model's output
shape plus one more trailing axis, the last two both the class count; a function of the script,
used as ``.map(fn)``, returns ``(inputs, one_hot(label, n))`` (``tf.one_hot``, ``ops.one_hot``,
``keras.utils.to_categorical``, through any cast) with ``label`` its own parameter. That element is
the root cause; the fix returns the parameter as it came (``return volume, label``), proven by
running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any

_ENCODERS = {"one_hot", "to_categorical"}


def double_onehot(finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the second one-hot encoding of the labels (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.reaim import mapped_functions
    from shapedoctor.diagnosis.training_base import model_outputs
    from shapedoctor.trace.sites import called_name, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    if not calls or calls[-1].source != "dataset" or calls[-1].site is None or not calls[-1].site.file:
        return None
    call = calls[-1]
    outputs = model_outputs(call.model)
    labels = call.y_shapes
    if len(outputs) != 1 or not isinstance(labels, tuple) or not all(isinstance(d, (int, type(None))) for d in labels):
        return None
    out = tuple(outputs[0])
    if not (len(labels) == len(out) + 1 and isinstance(out[-1], int) and out[-1] > 1
            and labels[-1] == labels[-2] == out[-1] and tuple(labels[1:-1]) == tuple(out[1:])):
        return None
    tree = source_tree(call.site.file)
    mapped = mapped_functions(tree)
    found = []
    for function in (f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name in mapped):
        params = [a.arg for a in function.args.args]
        returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
        if len(params) != 2 or len(returns) != 1 or not isinstance(returns[0].value, ast.Tuple) \
                or len(returns[0].value.elts) != 2:
            continue
        element = returns[0].value.elts[1]
        if isinstance(element, ast.Call) and called_name(element.func) in _ENCODERS and element.args \
                and params[1] in {n.id for n in ast.walk(element.args[0]) if isinstance(n, ast.Name)} \
                and element.lineno == element.end_lineno:
            found.append((function.name, element, params[1]))
    return (call, *found[0], out[-1]) if len(found) == 1 else None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    call, function, element, label, classes = found
    path = call.site.file
    if not linecache.getline(path, element.lineno).isascii():
        return finding
    edit = TextEdit.replacing(path, element, label)
    fix = script_checked_fix(f"encode the labels once: `{function}` returns `{label}` as it came", edit.shown(),
                             display_path(path), element.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    if finding.consumer is None or not finding.consumer.file:
        finding.consumer = Place.at_line("loss", None, "loss", path, call.site.line)  # the training call
    finding.culprit = Place.at_line("labels", label, "labels", path, element.lineno)
    finding.explanation = (
        f"The labels reach the loss with two trailing axes of {classes}, the class count: `{function}` one-hot "
        f"encodes `{label}`, which already holds one-hot rows, so every class value became a row of its own. "
        f"Encode the labels once: return `{label}` as it came.")
    finding.fixes = [fix]
    return finding
