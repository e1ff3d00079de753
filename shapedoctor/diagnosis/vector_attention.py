"""An attention layer whose value is one vector per sample: it attends over the batch (SD211, silent).

Hands-On ML (chapter 16) builds its attention translator on a bidirectional encoder with
``return_sequences=True, return_state=True``: the decoder's steps attend over the encoder's steps.
Without ``return_sequences`` the encoder's output is (batch, 2 * units), and Keras 3's ``Attention``
multiplies it as it is, scoring each decoder step against the other sentences of the batch; training runs
(r702).

Evidence, recorded: an ``Attention``/``AdditiveAttention`` call on a (batch, steps, d) query and a (batch, d)
value, the value made by a recurrent layer (or a ``Bidirectional`` one) created without
``return_sequences``. That layer's line is the root cause; the fix adds ``return_sequences=True`` to the
recurrent layer's call, proven by running the patched script.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.report.model import Finding

_RNNS = ("LSTM", "GRU", "SimpleRNN")


def vector_attention_findings(recorder: Any) -> list[Finding]:
    from shapedoctor.diagnosis.silent import findings_from

    return findings_from(recorder, getattr(recorder, "vector_attentions", []), _finding)


def _finding(recorder: Any, record: Any) -> Finding | None:
    import keras

    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path, source_tree_and_calls_at

    query, value = record.args[0][0], record.args[0][1]
    producer = recorder.producer_of(value)
    rnn = producer.layer if producer is not None else None
    inner = rnn.forward_layer if isinstance(rnn, keras.layers.Bidirectional) else rnn
    if not isinstance(inner, keras.layers.RNN) or inner.return_sequences:
        return None
    site = recorder.creation_site(rnn)
    if site is None:
        return None
    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) in _RNNS]
    if len(calls) != 1 or any(k.arg == "return_sequences" for k in calls[0].keywords) or calls[0].lineno != calls[0].end_lineno:
        return None
    call = calls[0]
    last = [*call.args, *call.keywords][-1] if (call.args or call.keywords) else None
    if last is None:
        return None
    edit = TextEdit(site.file, last.end_lineno, last.end_col_offset, last.end_lineno, last.end_col_offset,
                    ", return_sequences=True")
    fix = script_checked_fix(f"let `{rnn.name}` return every step: return_sequences=True", edit.shown(),
                             display_path(site.file), site.line, [edit], cost=1)
    fam = get("SD211")
    attention = record.layer
    where = record.site
    q, v = tuple(query.shape), tuple(value.shape)
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"{type(attention).__name__} `{attention.name}` attends over {format_shape(v)}, one vector per sample, "
        "not over a sequence",
        consumer=Place("layer", attention.name, type(attention).__name__, where.file if where else None,
                       where.line if where else None, where.code if where else None),
        culprit=Place.at_line("layer", rnn.name, type(rnn).__name__, site.file, site.line),
        expected=format_shape((None, None, v[-1])), received=format_shape(v),
        explanation=(f"`{attention.name}` scores each of the query's steps, {format_shape(q)}, against each step "
                     f"of its value; the value {format_shape(v)} is `{rnn.name}`'s last output only, with no step "
                     "axis. Keras multiplies it as it is, so each query step is scored against the other samples "
                     "of the batch: nothing raises and the model attends to the wrong thing. With "
                     f"`return_sequences=True`, `{rnn.name}` gives one vector per step to attend over."),
        fixes=[fix])
