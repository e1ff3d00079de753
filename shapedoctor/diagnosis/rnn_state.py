"""A recurrent layer given an ``initial_state`` of another width than its own units.

The encoder-decoder of Deep Learning with Python passes the encoder's final state to the decoder:
``decoder_gru(x, initial_state=encoder_output)``. Wrapped in ``Bidirectional`` with its default
``merge_mode="concat"``, the encoder gives ``2 * units`` values; Keras accepts the call when the
model is built (it checks no state width) and fails inside the cell's matrix product at ``fit``:
``Dimensions must be equal, but are 128 and 64 ... MatMul``. The message names neither the state
nor the layer that made it.

:func:`state_finding` looks at the recurrent layers in the failing call's stack (and the cell that
raised): when one was called with an ``initial_state`` whose last axis differs from its cell's
``state_size``, the layer that made the state is the root cause. Fixes, each written on the user's
line and proven by running the patched script: the ``Bidirectional`` that made it sums its two
directions (``merge_mode="sum"``, the book's code), or the layer that made it gives the decoder's
width; or the decoder is widened to the state it is given.
"""

from __future__ import annotations

import linecache
from typing import Any

from shapedoctor.report.model import Finding, PathStep, Place


def _state_sizes(layer: Any) -> list[int] | None:
    cell = getattr(layer, "cell", None)
    size = getattr(cell, "state_size", None)
    if isinstance(size, int):
        return [size]
    if isinstance(size, (list, tuple)) and all(isinstance(s, int) for s in size):
        return list(size)
    return None


def _maker(recorder: Any, tensor: Any):
    history = getattr(tensor, "_keras_history", None)
    if history is not None:
        return history.operation
    record = recorder.producer_of(tensor)
    return record.layer if record is not None else None


def _call_at(site, cls_names: set):
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    if site is None or not site.file:
        return None
    _tree, calls = source_tree_and_calls_at(site)
    found = [c for c in calls if called_name(c.func) in cls_names]
    return found[0] if len(found) == 1 else None


def _add_keyword(site, cls_names: set, text: str):
    """Edits that add ``text`` (``merge_mode="sum"``) as the last argument of the call at *site*."""
    from shapedoctor.patch.textedit import TextEdit

    call = _call_at(site, cls_names)
    if call is None or any(k.arg == text.split("=")[0] for k in call.keywords):
        return None
    line, col = call.end_lineno, call.end_col_offset - 1
    edit = TextEdit(site.file, line, col, line, col, (", " if call.args or call.keywords else "") + text)
    raw = linecache.getline(site.file, line).rstrip("\n")
    code = (raw[:col] + edit.text + raw[col:]).strip() if line == site.line else text
    return code, [edit]


def _set_units(site, cls_names: set, value: int):
    """Edits that write *value* as the layer's units (its first positional argument or ``units=``)."""
    from shapedoctor.patch.textedit import TextEdit

    call = _call_at(site, cls_names)
    if call is None:
        return None
    arg = next((k.value for k in call.keywords if k.arg == "units"), None) or (call.args[0] if call.args else None)
    if arg is None or arg.lineno != arg.end_lineno:
        return None
    edit = TextEdit(site.file, arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset, str(value))
    raw = linecache.getline(site.file, arg.lineno).rstrip("\n")
    code = (raw[:arg.col_offset] + str(value) + raw[arg.end_col_offset:]).strip()
    return code, [edit]


def state_finding(recorder: Any, failure: Any) -> Finding | None:
    """The finding for a failure inside a recurrent layer given a state of the wrong width, else None."""
    from shapedoctor.diagnosis.classify import keras_message
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.repair.ranking import annotate
    from keras import tree

    from shapedoctor.trace.recorder import shape_of

    for record in reversed(failure.stack + [failure.call]):
        layer = record.layer
        sizes = _state_sizes(layer)
        if sizes is None:
            continue
        states = record.kwargs.get("initial_state")
        states = list(tree.flatten(states)) if states is not None else []
        shapes = [shape_of(s) for s in states or []]
        if not shapes or None in shapes or len(shapes) != len(sizes):
            continue
        wrong = [(s, want) for s, want in zip(states, sizes) if shape_of(s)[-1] != want]
        if not wrong:
            continue
        state, want = wrong[0]
        got = shape_of(state)[-1]
        maker = _maker(recorder, state)
        rnn_site = recorder.creation_site(layer)
        maker_site = recorder.creation_site(maker) if maker is not None else None
        fam = get("SD102")
        name = type(layer).__name__
        consumer = Place("layer", layer.name, name, rnn_site.file if rnn_site else None,
                         rnn_site.line if rnn_site else None, rnn_site.code if rnn_site else None)
        culprit = consumer if maker_site is None else Place(
            "layer", maker.name, type(maker).__name__, maker_site.file, maker_site.line, maker_site.code)
        shown = format_shape((None, got))
        finding = Finding(
            fam.id, fam.slug, fam.severity,
            f"{name} `{layer.name}` was given an initial state of {got} values; its cell keeps {want}",
            consumer=consumer, culprit=culprit, expected=format_shape((None, want)), received=shown,
            path=[PathStep(culprit.layer or "?", culprit.cls or "?", shown, culprit.file, culprit.line, "culprit"),
                  PathStep(consumer.layer or "?", name, f"✗ initial_state {shown}", consumer.file, consumer.line,
                           "consumer")],
            explanation=(f"A recurrent layer's state has one value per unit: `{layer.name}` ({name}(units={want})) "
                         f"starts from `initial_state`, which must be ({want},) per sample. It received {got} "
                         f"values from `{culprit.layer}`"
                         + (" - a Bidirectional wrapper joins its two directions with merge_mode=\"concat\" by "
                            "default, doubling the width" if type(maker).__name__ == "Bidirectional" else "")
                         + ". Keras does not check this when the model is built; the cell's matrix product fails "
                           "when it runs."),
            keras_message=keras_message(failure.exception),
        )
        if type(maker).__name__ == "Bidirectional" and got == 2 * want:
            made = _add_keyword(maker_site, {"Bidirectional"}, 'merge_mode="sum"')
            if made is not None:
                finding.fixes.append(script_checked_fix(
                    f'join the two directions into {want} values: merge_mode="sum" on {maker.name}',
                    made[0], maker_site.file, made[1][0].start_line, made[1], cost=1))
        elif maker is not None and getattr(maker, "units", None) == got:
            made = _set_units(maker_site, {type(maker).__name__}, want)
            if made is not None:
                finding.fixes.append(script_checked_fix(f"make {maker.name} give {want} values: units={want}",
                                                        made[0], maker_site.file, maker_site.line, made[1], cost=1))
        made = _set_units(rnn_site, {name}, got)
        if made is not None:
            finding.fixes.append(script_checked_fix(f"widen {layer.name} to the state it is given: units={got}",
                                                    made[0], rnn_site.file, rnn_site.line, made[1], cost=2))
        annotate(finding)
        return finding
    return None


