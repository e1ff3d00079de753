"""A state ``Input`` of an inference decoder declared narrower (or wider) than the recurrent layer it starts.

Sequence-to-sequence inference rebuilds the trained decoder on ``Input`` tensors that stand for its states:
``decoder_lstm(decoder_inputs, initial_state=[Input(shape=(n_units,)), Input(shape=(n_units,))])``. Keras 3
builds that model without a word even when the LSTM has another number of units: a decoder made
``LSTM(n_units * 2)`` to take a bidirectional encoder's joined states (Stack Overflow, r1150). The first
``decoder_model.predict([step, h, c])`` then refuses the encoder's real states, "expected shape=(None, 8), found
shape=(1, 16)": Keras blames the data, but the states are right (they come from the encoder model) and it is
the declaration that is wrong.

Evidence, recorded: a symbolic call of a recurrent layer (anything with ``units`` taking ``initial_state``) was
given state tensors that an ``Input`` made, whose last axis is not the layer's ``units``; the failing call's
message expects exactly that declared shape and found the layer's ``units`` on the last axis. Every such
``Input`` is the root cause (the first one named); the fix declares each one as wide as the layer, written with
the expression the layer's own constructor uses for its units (``Input(shape=(n_units * 2,))``), proven by
running the patched script. No data fix is offered: the states came from the trained encoder.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def state_input_width(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the state ``Input`` declared unlike its layer's units (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException | None, recorder: Any):
    from shapedoctor.diagnosis.classify import expected_found_shapes

    shapes = expected_found_shapes(str(exc)) if exc is not None else None
    if shapes is None:
        return None
    expected, found = shapes
    seen: set[int] = set()
    for record in list(getattr(recorder, "producers", {}).values()):
        if id(record) in seen or not record.symbolic:
            continue
        seen.add(id(record))
        units = getattr(record.layer, "units", None)
        states = record.kwargs.get("initial_state")
        states = list(states) if isinstance(states, (list, tuple)) else [states] if states is not None else []
        if not isinstance(units, int) or not states or found[-1:] != (units,):
            continue
        narrow = [t for t in states if type(_operation(t)).__name__ == "InputLayer"
                  and tuple(t.shape) == tuple(expected) and t.shape[-1] != units]
        if narrow:
            made = [recorder.creation_site(_operation(t)) for t in narrow]
            layer_site = recorder.creation_site(record.layer)
            if all(m is not None for m in made) and layer_site is not None:
                return record.layer, units, layer_site, made, tuple(expected)
    return None


def _operation(tensor: Any) -> Any:
    history = getattr(tensor, "_keras_history", None)
    return getattr(history, "operation", None)


def _units_text(site: Any, layer: Any, units: int) -> str:
    """How the layer's constructor at *site* writes its units (``n_units * 2``), or the number."""
    from shapedoctor.diagnosis.inner_branch_width import size_argument

    try:
        given = size_argument(site.file, site.line, type(layer).__name__, "units")
    except (SyntaxError, ValueError, OSError):
        return str(units)
    if given is None or isinstance(given, ast.Call):
        return str(units)
    return ast.get_source_segment("".join(linecache.getlines(site.file)), given) or str(units)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import source_tree

    layer, units, layer_site, made, declared = found
    width = _units_text(layer_site, layer, units)
    edits, codes = [], []
    for site in made:
        path = site.file
        shape = _declared_tuple(source_tree(path), site.line)
        raw = linecache.getline(path, site.line)
        if shape is None or not raw.isascii():
            return finding
        edits.append(TextEdit.replacing(path, shape.elts[-1], width))
        codes.append(edits[-1].shown())
    first = made[0]
    fix = script_checked_fix(f"declare the state input{'s' if len(made) > 1 else ''} as wide as `{layer.name}`'s "
                             f"{units} units: {width}", "\n".join(codes), first.file, first.line, edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "InputLayer", first.file, first.line)
    finding.explanation = (
        f"`{layer.name}` ({type(layer).__name__}({units})) carries states {units} wide, but the state input"
        f"{'s' if len(made) > 1 else ''} it starts from {'are' if len(made) > 1 else 'is'} declared "
        f"{format_shape(declared)}: Keras 3 builds the model anyway and only "
        f"refuses the real states when it is called. The states are right (they come from the trained encoder); "
        f"the declaration is not: make it `{width}` wide, as the layer's own units are written. "
        + (finding.explanation or ""))
    finding.fixes = [fix]
    return finding


def _declared_tuple(tree: ast.Module, line: int) -> ast.Tuple | None:
    """The ``shape=(...)`` tuple (or first argument) of the one ``Input(...)`` call on *line*."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == line
             and getattr(n.func, "id", getattr(n.func, "attr", None)) == "Input"]
    if len(calls) != 1:
        return None
    call = calls[0]
    shape = next((k.value for k in call.keywords if k.arg == "shape"), call.args[0] if call.args else None)
    if not isinstance(shape, ast.Tuple) or not shape.elts or shape.lineno != shape.end_lineno:
        return None
    return shape

