"""A layer of the user's own whose ``compute_output_shape`` declares another shape than its ``call`` makes.

Keras builds a functional model from what each layer *declares*: a custom layer that defines
``compute_output_shape`` is taken at its word. An attention layer returning one weight per time step,
``(batch, steps)``, that declares ``(input_shape[0], input_shape[-1])`` (batch, features) makes every layer
after it be built for the wrong size: ``RepeatVector`` and ``Permute`` give (64, 64) where the hidden states
are (100, 64), and the ``Multiply`` refuses them (keras#6179, r746). Keras names the Multiply.

Evidence, recorded and measured: a layer of the user's own on the model's path overrides
``compute_output_shape``; called eagerly on zeros of the shape it was built on (with a batch of 2), its
``call`` returns another shape than its ``compute_output_shape`` declares for that input. Exactly one such
layer. Its ``compute_output_shape`` return is the root cause; the fix returns the shape ``call`` makes,
written with ``input_shape[k]`` for each axis whose size the input has at one place (the batch axis as
``input_shape[0]``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def declared_output_shape(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``compute_output_shape`` that declares another shape than ``call`` makes."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.reaim import user_method

    lying = []
    for layer in recorder.created_layers():
        if "compute_output_shape" not in type(layer).__dict__ or not getattr(layer, "built", False):
            continue
        method = user_method(type(layer), "compute_output_shape", own=True)
        measured = _measured(layer) if method is not None else None
        if measured is not None:
            lying.append((layer, method[0], method[2]) + measured)
    if len(lying) != 1:
        return None
    layer, path, function, built_on, declared, made = lying[0]
    written = _written(built_on, made)
    if written is None:
        return None
    tree_return = _single_return(path, function)
    if tree_return is None:
        return None
    return layer, path, tree_return, written, declared, made, built_on


def _measured(layer: Any):
    """(input shape, declared output, real output) with a batch of 2 when they differ; else None."""
    import keras

    try:
        shape = tuple(layer.input.shape)
    except Exception:  # noqa: BLE001 - a layer called more than once or on several inputs: not read
        return None
    if not shape or None in shape[1:]:
        return None
    sample = (2,) + tuple(shape[1:])
    try:
        declared = tuple(layer.compute_output_shape(sample))
        made = tuple(keras.ops.shape(layer.call(keras.ops.zeros(sample))))
    except Exception:  # noqa: BLE001 - evidence only
        return None
    made = tuple(int(d) for d in made)
    return (shape, declared, made) if declared != made else None


def _written(built_on: tuple, made: tuple) -> str | None:
    """``(input_shape[0], input_shape[1])``: each output axis as the one input axis of its size."""
    parts = ["input_shape[0]"]
    for size in made[1:]:
        places = [k for k in range(1, len(built_on)) if built_on[k] == size]
        if len(places) != 1:
            return None
        parts.append(f"input_shape[{places[0]}]")
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _single_return(path: str, function: ast.FunctionDef) -> ast.Return | None:
    if [a.arg for a in function.args.args][1:2] != ["input_shape"]:
        return None
    returns = [r for r in ast.walk(function) if isinstance(r, ast.Return) and r.value is not None]
    if len(returns) != 1 or returns[0].lineno != returns[0].end_lineno:
        return None
    return returns[0] if linecache.getline(path, returns[0].lineno).isascii() else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    layer, path, ret, written, declared, made, built_on = found
    edit = TextEdit.replacing(path, ret.value, written)
    cls = type(layer).__name__
    fix = script_checked_fix(f"declare the shape `{cls}.call` returns: {written}", edit.shown(), display_path(path),
                             ret.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", layer.name, cls, path, ret.lineno)
    finding.explanation = (
        f"`{cls}` declares its output with `compute_output_shape`, and Keras builds every layer after it from that "
        f"declaration. For an input of {built_on} it declares {declared[1:]} per sample (batch of 2: {declared}), "
        f"but its `call` returns {made[1:]} ({made}). The layers after it were built for a shape the data never "
        f"has. Return the shape `call` makes: {written}. " + (finding.explanation or ""))
    finding.fixes = [fix]
    return finding
