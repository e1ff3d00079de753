"""A Normalization layer adapted on the array meant for another one.

Hands-On ML's subclassed Wide & Deep model normalizes its two inputs with two layers, each adapted on
its own input: ``norm_layer_wide.adapt(X_train_wide)`` (5 features), ``norm_layer_deep.adapt(X_train_deep)``
(6). With the two arguments swapped, the wide layer learned 6 means and 6 variances, and training fails
inside it: "Dimensions must be equal, but are 5 and 6" (r732). Keras names the layer's subtraction.

Evidence, recorded and read: the finding names a Normalization layer that received w features while its
statistics hold m; the script calls ``.adapt(A)`` on that layer (its receiver, a plain attribute chain,
evaluates to the layer) with A an array of m features as the call failed. When exactly one other
``.adapt(B)`` on another Normalization layer passes w features, the two arguments were swapped: both
lines are the fix. Else, when the training call passes exactly one array of w features, that array is
the one to adapt on. The adapt line is the root cause; the fix is proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def adapted_elsewhere(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``adapt`` call that gave the layer another input's statistics, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or not (finding.path or finding.consumer is not None and finding.consumer.layer):
        return finding
    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _width(value: Any) -> int | None:
    shape = getattr(value, "shape", None)
    try:
        last = tuple(shape)[-1] if shape is not None and len(tuple(shape)) >= 2 else None
    except TypeError:
        return None
    return last if isinstance(last, int) else None


def _chain(node: ast.expr) -> bool:
    """A plain ``name.attr.attr`` (evaluating it runs no user code but attribute reads)."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _found(exc: BaseException, finding: Any, recorder: Any):
    import keras

    from shapedoctor.diagnosis.reaim import script_frame
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.trace.sites import source_tree

    refused = [s.layer for s in finding.path if s.cls == "Normalization" and s.role == "consumer"] or [
        finding.consumer.layer]
    layer = next((x for x in recorder.created_layers() if getattr(x, "name", None) == refused[0]), None)
    if not isinstance(layer, keras.layers.Normalization) or getattr(layer, "mean", None) is None:
        return None
    m = _width(layer.mean)
    received = parse_shape(finding.received) if finding.received else None
    w = received[-1] if received and len(received) >= 2 and isinstance(received[-1], int) else None
    if m is None or w is None or m == w:
        return None
    where = script_frame(exc)
    if where is None:
        return None
    frame = where[0]
    path, scope = frame.f_code.co_filename, {**frame.f_globals, **frame.f_locals}
    tree = source_tree(path)
    adapts = []
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "adapt"
                and call.args and isinstance(call.args[0], ast.Name) and _chain(call.func.value)
                and call.lineno == call.end_lineno):
            continue
        try:
            owner = eval(compile(ast.Expression(call.func.value), path, "eval"), {}, scope)  # noqa: S307 - attribute reads
        except Exception:  # noqa: BLE001 - a name the scope does not hold
            continue
        if isinstance(owner, keras.layers.Normalization):
            adapts.append((call, owner, call.args[0], _width(scope.get(call.args[0].id))))
    own = [a for a in adapts if a[1] is layer]
    if len(own) != 1 or own[0][3] != m:
        return None
    partners = [a for a in adapts if a[1] is not layer and a[3] == w]
    if len(partners) == 1:
        return path, own[0], [(own[0][2], partners[0][2].id), (partners[0][2], own[0][2].id)], "swapped"
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None and c.site]
    given = argument_node(calls[-1].site, 0, "x") if calls else None
    names = [e.id for e in (given.elts if isinstance(given, (ast.Tuple, ast.List)) else [given])
             if isinstance(e, ast.Name) and _width(scope.get(e.id)) == w]
    if len(names) == 1:
        return path, own[0], [(own[0][2], names[0])], "given"
    return None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, (call, layer, arg, _m), changes, how = found
    if not all(linecache.getline(path, node.lineno).isascii() for node, _ in changes):
        return finding
    edits = [TextEdit.replacing(path, node, name) for node, name in changes]
    code = "\n".join(e.shown() for e in sorted(edits, key=lambda e: e.start_line))
    title = ("adapt each Normalization layer on its own input (the two arrays were swapped)" if how == "swapped"
             else f"adapt `{layer.name}` on the array it normalizes: {changes[0][1]}")
    fix = script_checked_fix(title, code, display_path(path), call.lineno, edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", arg.id, "data", path, call.lineno)
    finding.explanation = (
        f"A Normalization layer subtracts the mean it learned in `adapt` from every input: `{layer.name}` was "
        f"adapted on `{arg.id}`, whose features are not the ones it receives, so its statistics have another "
        "width than its input and the subtraction fails. Adapt it on the array it normalizes.")
    finding.fixes = [fix]
    return finding
