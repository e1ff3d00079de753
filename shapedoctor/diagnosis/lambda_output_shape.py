"""A ``Lambda`` whose declared ``output_shape`` is not the shape its function returns.

``Lambda(fn, output_shape=...)`` tells Keras the layer's output shape; Keras 3 trusts it while it
builds a functional model, so the layers after it are built for the declared shape. When ``fn``
returns another shape (the 2016 siamese example's ``eucl_dist_output_shape`` returned the embedding's
shape for a one-value distance, keras#2679, r664), the model builds, and the next layer refuses the
real tensor at ``fit``: "expected axis -1 of input shape to have value 8, but received input with shape
(16, 1)". Keras names the layer after the Lambda; the Lambda's ``output_shape`` is the cause.

Evidence, all Keras's own: the refused tensor is the output of a recorded ``Lambda`` call (the same
tensor object); that layer was created with an ``output_shape``; its ``compute_output_shape`` for the
call's inputs (what it declares) differs from the tensor it really returned past the batch axis. The
root cause is the Lambda's line; the fix declares the real shape, ``output_shape=(1,)`` (Keras reads a
tuple as the shape after the batch axis), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def lambda_output_shape(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``output_shape`` of the Lambda that produced the refused tensor, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _shape(value: Any) -> tuple | None:
    shape = getattr(value, "shape", None)
    try:
        return tuple(None if d is None else int(d) for d in shape) if shape is not None else None
    except (TypeError, ValueError):
        return None


def _found(exc: BaseException, finding: Any, recorder: Any):
    import keras
    failure = getattr(recorder, "failure", None)
    if failure is None or not failure.call.args:
        return None
    refused = failure.call.args[0]
    producer = recorder.producer_of(refused)
    layer = producer.layer if producer is not None else None
    if not isinstance(layer, keras.layers.Lambda) or layer.get_config().get("output_shape") is None:
        return None
    real = _shape(producer.outputs)
    inputs = producer.args[0] if producer.args else None
    in_shapes = [_shape(t) for t in inputs] if isinstance(inputs, (list, tuple)) else _shape(inputs)
    if real is None or in_shapes is None or len(real) < 2 or None in real[1:]:
        return None
    declared = tuple(layer.compute_output_shape(in_shapes))
    if len(declared) == len(real) and declared[1:] == real[1:]:
        return None
    site = recorder.creation_site(layer)
    if site is None or not site.file:
        return None
    from shapedoctor.trace.sites import source_tree_and_calls_at

    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if _called(c.func) == "Lambda"]
    if len(calls) != 1:
        return None
    written = next((k.value for k in calls[0].keywords if k.arg == "output_shape"), None)
    if written is None and len(calls[0].args) >= 2:
        written = calls[0].args[1]
    if written is None or written.lineno != written.end_lineno:
        return None
    return site.file, site, layer, written, declared, real


def _called(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, site, layer, written, declared, real = found
    tail = tuple(real[1:])
    text = linecache.getline(path, written.lineno)[written.col_offset:written.end_col_offset]
    edit = TextEdit.replacing(path, written, repr(tail))
    function = getattr(getattr(layer, "function", None), "__name__", "its function")
    fix = script_checked_fix(f"declare the shape `{function}` returns: output_shape={tail!r}", edit.shown(),
                             display_path(path), written.lineno, [edit], cost=1)
    family = get("SD102")
    finding.id, finding.family = family.id, family.slug
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", layer.name, "Lambda", path, site.line)
    for step in finding.path:
        if step.layer == layer.name:  # the row shows what the Lambda really returned
            step.output_shape, step.role = format_shape(real), "culprit"
    finding.explanation = (
        f"`{layer.name}` declares its output as {format_shape((None,) + tuple(declared[1:]))} (output_shape={text}), but `{function}` "
        f"returns {format_shape(real)}. Keras 3 trusts a Lambda's declared shape while it builds the model, so "
        f"the layers after it were built for {format_shape((None,) + tuple(declared[1:]))}; the real tensor "
        f"arrives only when data flows, and the next layer refuses it. Declare what the function returns: "
        f"output_shape={tail!r} (the shape after the batch axis), or leave output_shape out and let Keras infer it.")
    finding.fixes = [fix]
    return finding
