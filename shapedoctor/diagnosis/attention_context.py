"""An attention layer given a recurrent layer's last state where it needs the sequence of states.

The TensorFlow translation tutorial's encoder returns one vector per source token:
``Bidirectional(GRU(units, return_sequences=True))``; the decoder's cross-attention attends over that
sequence (``MultiHeadAttention(query=x, value=context)``). Without ``return_sequences=True`` the
encoder gives its last state, (batch, units), and the attention fails deep in an ``Einsum`` with a
message about ranks that names neither the encoder nor the GRU. When the encoder is a layer of the
user's own (a subclassed ``Layer``), the tensor's producer is that layer, not the GRU.

Evidence, read, not guessed: the failing attention call got a query of rank 3 and a value (or key)
of rank 2; following that tensor back through the calls recorded before the failure, the layer that
returned this very tensor is a recurrent layer (or a ``Bidirectional`` around one) built with
``return_sequences=False``. Its creation line (the inner ``GRU(...)`` of a ``Bidirectional``) is the
root cause; the fix adds ``return_sequences=True`` there, proven by running the patched script.
"""

from __future__ import annotations

import linecache
from typing import Any

from shapedoctor.diagnosis.context import ATTENTION, RECURRENT

_RNN = RECURRENT - {"Bidirectional"}  # the layers that have return_sequences themselves


def sequence_for_attention(finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the recurrent layer whose last state reached an attention layer (see the
    module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    rnn, layer, file, line, code, edits, attention = found
    fix = script_checked_fix(f"return the whole sequence: return_sequences=True on {rnn}", code,
                             display_path(file), line, edits, cost=1)
    finding.culprit = Place("layer", layer.name, rnn.split("(")[0], display_path(file), line,
                            linecache.getline(file, line).strip())
    finding.fixes.insert(0, fix)
    finding.explanation = (
        f"`{attention}` attends over a sequence: its value (and key) must have a time axis, like its query. "
        f"It received a (batch, units) vector, the last state of {rnn}, which was built without "
        "return_sequences=True and so returns only its final step. Return every step, "
        "(batch, steps, units), for the attention to read. " + (finding.explanation or ""))
    return finding


def _found(recorder: Any):
    from keras import tree

    from shapedoctor.trace.recorder import shape_of

    failure = getattr(recorder, "failure", None)
    if failure is None or type(failure.call.layer).__name__ not in ATTENTION:
        return None
    call = failure.call
    given = list(call.args) + [call.kwargs.get(k) for k in ("query", "value", "key") if k in call.kwargs]
    tensors = [t for t in tree.flatten(given) if shape_of(t) is not None]
    ranks = [len(shape_of(t)) for t in tensors]
    if len(tensors) < 2 or max(ranks) != 3 or ranks.count(2) != 1:
        return None
    vector = tensors[ranks.index(2)]
    made = [r for r in list(failure.earlier) + list(recorder.producers.values())
            if r.error is None and any(o is vector for o in tree.flatten(r.outputs))]
    if not made:
        return None
    record = max(made, key=lambda r: r.depth)  # the innermost layer that returned this very tensor
    found = return_sequences_edit(recorder, record.layer)
    return None if found is None else (*found, call.layer.name)


def return_sequences_edit(recorder: Any, layer: Any):
    """(``GRU(64)``, layer, file, first line, code, edits) adding ``return_sequences=True`` where the
    recurrent *layer* (or the RNN inside a ``Bidirectional``) was made without it; None when it returns
    its sequence already or its creation cannot be edited."""
    cls = type(layer).__name__
    inner = getattr(layer, "forward_layer", None) if cls == "Bidirectional" else layer
    if type(inner).__name__ not in _RNN or getattr(inner, "return_sequences", True):
        return None
    site = recorder.creation_site(layer)
    if site is None or not site.file:
        return None
    node = _rnn_call(site, cls)
    if node is None or any(k.arg == "return_sequences" for k in node.keywords):
        return None
    from shapedoctor.patch.textedit import TextEdit

    line, col = node.end_lineno, node.end_col_offset - 1
    text = linecache.getline(site.file, line)
    if not text.isascii():
        return None
    added = (", " if node.args or node.keywords else "") + "return_sequences=True"
    edit = TextEdit(site.file, line, col, line, col, added)
    first = node.lineno
    code = (text[:col] + added + text[col:]).strip() if first == line else "return_sequences=True"
    name = f"{type(inner).__name__}({getattr(inner, 'units', '')})"
    return name, layer, site.file, first, code, [edit]


def _rnn_call(site: Any, cls: str):
    """The recurrent layer's own call in the creation statement at *site*: the layer itself, or the RNN
    handed to a ``Bidirectional`` (``layer=GRU(...)`` or its first argument)."""
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    _tree, calls = source_tree_and_calls_at(site)
    if cls != "Bidirectional":
        found = [c for c in calls if called_name(c.func) == cls]
        return found[0] if len(found) == 1 else None
    wrappers = [c for c in calls if called_name(c.func) == "Bidirectional"]
    if len(wrappers) != 1:
        return None
    wrapper = wrappers[0]
    arg = next((k.value for k in wrapper.keywords if k.arg == "layer"), None) or (
        wrapper.args[0] if wrapper.args else None)
    import ast

    return arg if isinstance(arg, ast.Call) and called_name(arg.func) in _RNN else None
