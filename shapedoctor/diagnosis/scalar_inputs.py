"""Inputs declared ``shape=(1,)`` for data that holds one scalar per sample, growing the output an axis.

keras-io's quotient-remainder embedding recommender feeds one user id and one movie id string per
example and declares both inputs ``shape=()``: each lookup + Embedding gives ``(batch, dim)`` and
``Dot(axes=1)`` is one similarity per pair. Declared ``shape=(1,)``, the data (one scalar per sample) is
given a length-1 axis, the embeddings are ``(batch, 1, dim)`` and ``Dot(axes=1)`` contracts that axis
into a ``(batch, dim, dim)`` outer product, which the loss then refuses against one rating per sample
(r768). Keras names the loss; the cause is the declarations.

Evidence, recorded and read: a training call's labels have fewer axes than the model's output, and the
output is not just the labels with a trailing axis of 1 (Keras's losses accept that pair); at
least one of the model's inputs is declared ``(None, 1)`` while the data given for it holds one value
per sample, ``(n,)``; each such input was made by a ``keras.Input`` call whose ``shape=`` is written
``(1,)`` on one line. Those declarations are the root cause; the fix declares every one of them
``shape=()``, proven by running the patched script (the model is rebuilt from the source, so no
cloning of user layers is needed).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def scalar_inputs(call: Any, prob: Any):
    """(culprit Place, fix, why) when inputs are declared (1,) for scalar-per-sample data whose model
    output has more axes than its labels (see the module), else None."""
    from shapedoctor.diagnosis.training_base import model_outputs
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path

    if call.method not in ("fit", "evaluate", "train_on_batch", "test_on_batch") or rec.CURRENT is None:
        return None
    outputs = model_outputs(call.model)
    labels = call.y_shapes
    if len(outputs) != 1 or not isinstance(labels, tuple) or not all(isinstance(d, int) for d in labels):
        return None
    if len(outputs[0]) <= len(labels) or tuple(outputs[0][1:]) == tuple(labels[1:]) + (1,):
        return None  # (None, 1) against (n,) labels is one value per sample to Keras's losses (t043)
    declared = _scalar_declarations(call, rec.CURRENT)
    if not declared:
        return None
    edits = [TextEdit.replacing(path, shape, "()") for path, shape, _line, _name in declared]
    path, _shape, line, name = declared[0]
    names = ", ".join(f"`{d[3]}`" for d in declared)
    fix = script_checked_fix(f"declare {names} as one value per sample: shape=()", edits[0].shown(),
                             display_path(path), line, edits, cost=1)
    place = Place.at_line("input", name, "InputLayer", path, line)
    why = (f"The data for {names} holds one value per sample, (n,), but the input is declared `shape=(1,)`, "
           "so Keras gives each sample an axis of length 1 that every layer after it keeps (an Embedding "
           f"makes (batch, 1, dim) of it, not (batch, dim)): the model's output becomes {tuple(outputs[0])}, "
           f"more axes than the labels {labels}. Declare the input as a scalar per sample, `shape=()`.")
    return place, fix, why


def _scalar_declarations(call: Any, recorder: Any) -> list:
    """(path, shape node, line, input name) of each model input declared (None, 1) whose data is (n,)."""
    from shapedoctor.diagnosis.reaim import input_declaration

    inputs = list(getattr(call.model, "inputs", None) or [])
    shapes = call.x_shapes
    found = []
    for index, tensor in enumerate(inputs):
        if tuple(tensor.shape) != (None, 1):
            continue
        if isinstance(shapes, dict):
            data = shapes.get(tensor.name)
        elif isinstance(shapes, (list, tuple)) and shapes and isinstance(shapes[0], tuple):
            data = shapes[index] if index < len(shapes) else None
        else:
            data = shapes if len(inputs) == 1 else None
        if not (isinstance(data, tuple) and len(data) == 1):
            continue
        declared = input_declaration(recorder, tensor)
        if declared is None:
            return []
        site, _tree, _call, shape = declared
        if not (isinstance(shape, ast.Tuple) and len(shape.elts) == 1 and isinstance(shape.elts[0], ast.Constant)
                and shape.elts[0].value == 1 and shape.lineno == shape.end_lineno
                and linecache.getline(site.file, shape.lineno).isascii()):
            return []
        found.append((site.file, shape, shape.lineno, tensor.name))
    return found
