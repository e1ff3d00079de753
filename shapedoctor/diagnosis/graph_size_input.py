"""An input declared with the training graph's node count: a square matrix whose width is the sample count.

A graph convolution network takes the node features and the (nodes, nodes) adjacency matrix, one row per
node, the whole graph as one batch. Declaring the adjacency input ``Input(shape=(n_nodes,))`` fixes the
model to the training graph; predicting on a new graph of 60 nodes fails: "expected shape=(None, 150),
found shape=(60, 60)" (GCN node classification issue #6, r691). The fix that worked: ``Input((None,))``.

Evidence, recorded: the failing predict/evaluate gives that input a square (m, m) matrix; the model was
fit with it as a square (n, n) matrix, n samples, and its declared width is n. The width is then the
number of nodes, not a feature count: the ``Input`` is the root cause and its width becomes ``None``,
proven by running the patched script (a layer with weights sized by the width would make that fail).
"""

from __future__ import annotations

import ast
from typing import Any


def graph_size_input(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``Input`` declared with the training graph's node count, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id != "SD201":
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    calls = getattr(recorder, "training_calls", None) or []
    failed = [c for c in calls if c.error is not None]
    call = failed[-1] if failed else None
    if call is None or call.method not in ("predict", "evaluate", "predict_on_batch", "test_on_batch"):
        return None
    fitted = [c for c in calls if c.method in ("fit", "train_on_batch") and c.model is call.model and c.error is None]
    if not fitted:
        return None
    now, before = flat_items(call.x_shapes), flat_items(fitted[-1].x_shapes)
    inputs = list(getattr(call.model, "inputs", None) or [])
    if len(now) != len(before) or len(now) != len(inputs):
        return None
    found = []
    for index, (shape, old, tensor) in enumerate(zip(now, before, inputs)):
        declared = tuple(tensor.shape)
        if len(shape) == 2 and shape[0] == shape[1] and len(old) == 2 and old[0] == old[1] \
                and declared == (None, old[0]) and shape[1] != old[1]:
            found.append((index, tensor, old[0], shape[0]))
    if len(found) != 1:
        return None
    index, tensor, trained, given = found[0]
    made = getattr(getattr(tensor, "_keras_history", None), "operation", None)
    site = recorder.creation_site(made) if made is not None else None
    if site is None:
        return None
    _tree, around = source_tree_and_calls_at(site)
    inputs_made = [c for c in around if called_name(c.func) in ("Input", "InputLayer")]
    if len(inputs_made) != 1:
        return None
    shape = next((k.value for k in inputs_made[0].keywords if k.arg == "shape"), None)
    if shape is None and inputs_made[0].args:
        shape = inputs_made[0].args[0]
    if not isinstance(shape, (ast.Tuple, ast.List)) or len(shape.elts) != 1 or shape.lineno != shape.end_lineno:
        return None
    return site, shape, trained, given


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    site, shape, trained, given = found
    path = site.file
    new = "[None]" if isinstance(shape, ast.List) else "(None,)"
    edit = TextEdit.replacing(path, shape, new)
    fix = script_checked_fix(f"let the input take any number of nodes: shape={new}", edit.shown(), display_path(path),
                             shape.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "Input", path, site.line)
    finding.explanation = (
        f"This input was a square matrix at training, ({trained}, {trained}), one row per sample, and it is "
        f"({given}, {given}) now: its width is the number of samples (the nodes of a graph given whole), not a "
        f"feature count. Declared as {trained}, it fixes the model to the training graph. Declare it `None`, so "
        "the model takes a graph of any size.")
    finding.fixes = [fix]
    return finding
