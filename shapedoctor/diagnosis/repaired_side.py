"""The root cause of a labels-vs-output mismatch is on the side the verified repairs change.

A loss that compares labels and an output of different shapes says that the two disagree, not
which one is wrong. The training rules name the labels unless the evidence points at the model
(labels that are the inputs, or keep the data's feature axis: ``training_output_layout.py``). Then
every candidate repair of both sides is verified on a real training step with the invariants of
``repair/invariants.py``. When the labels are named but **no** verified repair touches the labels,
the data or the loss, and the first verified one changes one layer of the model (its config,
its class, a layer removed, or one appended right after it), naming the labels would send the user
to a line that no verified repair changes while the report tells them to edit the model: the
layer that repair changes is the root cause. A labels fix that failed an invariant is not
evidence for the labels: it showed that no change of the labels keeps their meaning.
"""

from __future__ import annotations

from typing import Any

# Training-fix edit kinds whose target is the layer that the repair changes.
_LAYER_EDITS = ("config", "unwrap", "replace_layer", "remove_layer", "append_after_layer")


def blame_the_repaired_layer(prob: Any, verified: list) -> bool:
    """Move the culprit of *prob* from the labels to the layer of its first verified repair when
    every verified repair is a model repair (see the module docstring); True when it moved."""
    if prob.culprit_kind != "labels" or not verified or any(f.kind != "model" for f in verified) \
            or prob.model_kept:
        return False
    targets = {id(target): target for kind, target, _ in verified[0].edits if kind in _LAYER_EDITS}
    if len(targets) != 1 or len(verified[0].edits) != 1:
        return False
    prob.layer = next(iter(targets.values()))
    prob.culprit_kind = "layer"
    name = getattr(prob.layer, "name", "that layer")
    prob.explanation = (prob.explanation + " " if prob.explanation else "") + (
        f"No verified change of the labels, the data or the loss repairs this, and the verified repair "
        f"changes {name}: the model's output is what is wrong, so {name} is the root cause.")
    return True


# Training-fix edit kinds that declare the model's input anew.
_DECLARATIONS = ("input", "input_written", "input_rebind")


def blame_the_declaration(call: Any, prob: Any, verified: list) -> bool:
    """Move the culprit of a data problem of ``fit`` to the line that declared the model's one input
    when every verified repair is a model repair and the first one declares the input anew.

    ``fit`` builds the model for the data it is given: when no verified change of the data fits the
    declared shape (a reshape would mix or drop values, a colour conversion would throw channels away),
    the declaration was written for other data (``input_shape=(28 + 28,)`` for 784 pixels, the
    Fashion-MNIST ``[28, 28, 1]`` kept for RGB photos) and its line is the root cause. After
    training, the data must follow the model instead (``predict``, ``evaluate``): not moved then."""
    if prob.culprit_kind != "data" or call.method not in ("fit", "train_on_batch") or not verified \
            or any(f.kind != "model" for f in verified) or prob.extra_where is not None:
        return False
    edits = verified[0].edits
    try:
        inputs = list(getattr(call.model, "inputs", None) or [])
    except Exception:  # noqa: BLE001 - a subclassed model without symbolic inputs
        inputs = []
    if len(edits) != 1 or not isinstance(edits[0], tuple) or edits[0][0] not in _DECLARATIONS or not inputs:
        return False
    from shapedoctor.diagnosis.training import declaring_layer

    if len(inputs) == 1:
        layer = declaring_layer(call.model)
        if layer is None or (not _reads_sample_count(layer, call, prob)
                             and (not _declared_for_less(prob) or _sizes_named(layer, prob))):
            return False
    else:
        # One input of several declared anew: the feature vectors of another extractor (2048 InceptionV3
        # features for an Input written for 4096 of VGG16's, r1005). Fewer values than declared are fine
        # here: no verified data change exists, and the one declaration written as a number is the cause.
        index = edits[0][1] if isinstance(edits[0][1], int) else None
        layer = _input_layer(call.model, index)
        if layer is None or _sizes_named(layer, prob):
            return False
    prob.layer = layer
    prob.culprit_kind = "input"
    prob.explanation = (prob.explanation + " " if prob.explanation else "") + (
        "No verified change of the data fits the declared shape without mixing or dropping values, and `fit` "
        "builds the model for the data it is given: the input declaration was written for other data, so "
        "its line is the root cause.")
    return True


def _input_layer(model: Any, index: int | None) -> Any:
    """The InputLayer of the model's input *index* (its own ``Input(...)`` line), or None."""
    try:
        inputs = list(model.inputs)
        return inputs[index]._keras_history.operation if index is not None and 0 <= index < len(inputs) else None
    except (AttributeError, ValueError, TypeError, IndexError):
        return None


def _declared_for_less(prob: Any) -> bool:
    """The data holds at least as many values per sample as the declaration reads."""
    import math

    if prob.data_shapes is None:
        return False
    want, got = (tuple(s)[1:] for s in prob.data_shapes)
    if len(want) == len(got):  # an axis of any length (a sequence's steps) reads whatever the data has
        pairs = [(w, g) for w, g in zip(want, got) if w is not None]
        if not pairs or any(g is None for _w, g in pairs):
            return False
        return math.prod(g for _w, g in pairs) >= math.prod(w for w, _g in pairs)
    if None in want or None in got:
        return False
    return math.prod(got) >= math.prod(want)


def _reads_sample_count(layer: Any, call: Any, prob: Any) -> bool:
    """The declaration reads the data's first axis as a size (``input_shape=(data_train.shape[0],)``: the EEG
    example's number of rows where it means ``shape[1]``, r1023), and that is the declared size the data
    does not have: the number of samples is never a feature size."""
    import ast
    import re

    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import source_tree_and_calls_at

    site = rec.CURRENT.creation_site(layer) if rec.CURRENT is not None else None
    given = shape_of(call.x_ref)
    if site is None or not site.file or not given or prob.data_shapes is None:
        return False
    _tree, calls = source_tree_and_calls_at(site)
    written = " ".join(ast.unparse(c) for c in calls)
    want, got = prob.data_shapes
    odd = [w for w, g in zip(tuple(want)[1:], tuple(got)[1:]) if w != g]
    return bool(re.search(r"\.shape\[0\]", written)) and odd == [given[0]]


def _sizes_named(layer: Any, prob: Any) -> bool:
    """A declared size that differs from the data's is written with a name (or the whole shape is), on
    the declaring line: ``Input(shape=(maxlen,))``, ``input_shape=IMG_SHAPE``."""
    import ast

    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    site = rec.CURRENT.creation_site(layer) if rec.CURRENT is not None else None
    if site is None or not site.file:
        return True  # the line cannot be read: keep the data's line
    _tree, calls = source_tree_and_calls_at(site)
    shapes = [k.value for c in calls for k in c.keywords if k.arg in ("shape", "input_shape", "batch_shape")]
    shapes += [c.args[0] for c in calls if called_name(c.func) in ("Input", "InputLayer") and c.args]
    shapes = [s for s in shapes if isinstance(s, (ast.Tuple, ast.List, ast.Name, ast.Attribute, ast.Subscript))]
    if len(shapes) != 1:
        return True
    shape = shapes[0]
    if not isinstance(shape, (ast.Tuple, ast.List)):
        return True
    want, got = prob.data_shapes
    items = list(shape.elts)
    offset = len(items) - (len(want) - 1)  # batch_shape writes the batch axis too
    for axis, (w, g) in enumerate(zip(want[1:], got[1:])):
        if w != g and 0 <= axis + offset < len(items) and any(
                isinstance(n, (ast.Name, ast.Attribute)) for n in ast.walk(items[axis + offset])):
            return True
    return False
