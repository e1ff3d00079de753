"""A recurrent layer given a mask with a feature axis: the mask was computed from the embedded vectors.

The Keras masking guide passes an Embedding's mask to an RNN by hand: ``mask =
self.embedding.compute_mask(inputs)`` on the token ids, a ``(batch, timesteps)`` boolean tensor, then
``self.lstm(x, mask=mask)``. ``compute_mask`` compares its argument with 0 element by element, so called
on the embedded vectors it returns ``(batch, timesteps, features)``, and the LSTM fails in its loop:
"Dimensions must be equal, but are 16 and 24" (r675), where Keras names the LSTM.

Evidence, recorded and read: the failing call is a recurrent layer's, its ``mask`` has one axis more than
``(batch, timesteps)``; exactly one call in the user's files passes ``mask=<name>``, that name is bound
once in the same function to ``<layer>.compute_mask(<vectors>)``, and ``<vectors>`` is bound there to
``<layer>(<ids>)``, the same layer. The ``compute_mask`` line is the root cause; the fix computes the mask
from ``<ids>``, proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def rnn_mask_rank(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``compute_mask`` of embedded vectors that made the RNN's mask, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import keras

    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.trace.sites import source_tree

    failure = getattr(recorder, "failure", None)
    if failure is None or not isinstance(failure.call.layer, (keras.layers.RNN, keras.layers.Bidirectional)):
        return None
    mask = failure.call.kwargs.get("mask")
    shape = getattr(mask, "shape", None)
    if shape is None or len(shape) != 3 or not failure.call.args or len(failure.call.args[0].shape) != 3:
        return None
    passes = []
    for path in user_files(exc):
        tree = source_tree(path)
        for function in (f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, ast.Call):
                    passes += [(path, function, k.value) for k in node.keywords
                               if k.arg == "mask" and isinstance(k.value, ast.Name)]
    if len(passes) != 1:
        return None
    path, function, name = passes[0]
    made = _bound_once(function, name.id)
    if not (isinstance(made, ast.Call) and isinstance(made.func, ast.Attribute) and made.func.attr == "compute_mask"
            and len(made.args) == 1 and isinstance(made.args[0], ast.Name)):
        return None
    layer = ast.unparse(made.func.value)
    vectors = _bound_once(function, made.args[0].id)
    if not (isinstance(vectors, ast.Call) and ast.unparse(vectors.func) == layer and len(vectors.args) == 1
            and isinstance(vectors.args[0], ast.Name)):
        return None
    return path, made, vectors.args[0].id, tuple(shape), failure.call.layer.name


def _bound_once(function: ast.FunctionDef, name: str) -> ast.expr | None:
    bound = [s for s in ast.walk(function) if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name]
    return bound[0].value if len(bound) == 1 else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, made, ids, shape, rnn = found
    argument = made.args[0]
    edit = TextEdit.replacing(path, argument, ids)
    fix = script_checked_fix(f"compute the mask from the token ids: compute_mask({ids})", edit.shown(),
                             display_path(path), made.lineno, [edit], cost=1)
    family = get("SD101")
    finding.id, finding.family = family.id, family.slug
    finding.message = (f"`{rnn}` was given a mask {format_shape(shape)} with a feature axis: a mask is "
                       "(batch, timesteps)")
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", ast.unparse(made.func.value), "compute_mask", path, made.lineno)
    finding.explanation = (
        f"A recurrent layer's mask says which timesteps are real: one boolean per sample and step, (batch, "
        f"timesteps). `compute_mask` compares its argument with the padding id 0 element by element, so given "
        f"the embedded vectors `{argument.id}` it returns one boolean per feature, {format_shape(shape)}, which "
        f"`{rnn}` cannot apply to its state. Compute the mask from the token ids the embedding was given, "
        f"`{ids}`.")
    finding.fixes = [fix]
    return finding
