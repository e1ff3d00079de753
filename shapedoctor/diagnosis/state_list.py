"""A layer given the list a recurrent layer returns with ``return_state=True``.

``LSTM(64, return_state=True)`` returns ``[output, hidden state, cell state]``: a list of three tensors,
not one. A user who wants "the hidden states" for an attention layer switches it on (keras#4962, r649);
the next layer then gets the list and fails while it is built: "Cannot convert '((None, 64), (None, 64))'
to a shape". The reply in the thread: the attention layer needs the hidden state of every step, which is
what ``return_sequences=True`` gives, (batch, steps, units).

Evidence, recorded: the refused input is a list whose every tensor was made by the same recurrent layer
call, and that layer was created with ``return_state=True`` written as a keyword. The recurrent layer's
line is the root cause. Two fixes, each proven by running the patched script: ``return_sequences=True`` in
place of ``return_state=True`` (first, when the layer taking the list is not one that wants a flat vector:
it was given the states to attend over the steps), and ``return_state=True`` taken out.
"""

from __future__ import annotations

import ast
from typing import Any

_FLAT_CONSUMERS = ("Dense", "Flatten", "Dropout", "Activation", "BatchNormalization", "LayerNormalization")


def state_list(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``return_state=True`` of the recurrent layer whose list was refused, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    import keras

    from shapedoctor.trace.sites import source_tree_and_calls_at

    failure = getattr(recorder, "failure", None)
    if failure is None or not failure.call.args or not isinstance(failure.call.args[0], (list, tuple)):
        return None
    items = failure.call.args[0]
    producers = {id(p.layer): p for t in items if (p := recorder.producer_of(t)) is not None}
    if len(items) < 2 or len(producers) != 1:
        return None
    made = next(iter(producers.values()))
    rnn = made.layer
    if not isinstance(rnn, (keras.layers.RNN, keras.layers.Bidirectional)) or not getattr(rnn, "return_state", False):
        return None
    site = recorder.creation_site(rnn)
    if site is None:
        return None
    _tree, around = source_tree_and_calls_at(site)
    written = [(c, k) for c in around for k in c.keywords if k.arg == "return_state"
               and isinstance(k.value, ast.Constant) and k.value.value is True]
    if len(written) != 1 or written[0][1].value.lineno != written[0][1].value.end_lineno:
        return None
    call, keyword = written[0]
    return site, call, keyword, rnn, failure.call.layer, len(items)


def _keyword_removed(path: str, call: ast.Call, keyword: ast.keyword):
    """The text edit that takes *keyword* (and the comma before it, or after it when it comes first)
    out of *call*, written on one line; None otherwise."""
    from shapedoctor.patch.textedit import TextEdit

    parts = [*call.args, *call.keywords]
    index = next(i for i, p in enumerate(parts) if p is keyword)
    if index > 0:
        before = parts[index - 1]
        start = (before.end_lineno, before.end_col_offset)
        end = (keyword.end_lineno, keyword.end_col_offset)
    elif len(parts) > 1:
        start = (keyword.lineno, keyword.col_offset)
        end = (parts[1].lineno, parts[1].col_offset)
    else:
        return None
    if start[0] != end[0]:
        return None
    return TextEdit(path, start[0], start[1], end[0], end[1], "")


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    site, call, keyword, rnn, consumer, count = found
    path = site.file
    sequences = TextEdit(path, keyword.lineno, keyword.col_offset, keyword.end_lineno, keyword.end_col_offset,
                         "return_sequences=True")
    fixes = [script_checked_fix("return every step's hidden state: return_sequences=True in place of "
                                "return_state=True", sequences.shown(), display_path(path), keyword.lineno,
                                [sequences], cost=1)]
    removed = _keyword_removed(path, call, keyword)
    if removed is not None:
        fixes.append(script_checked_fix("return the output alone: return_state=True taken out", removed.shown(),
                                        display_path(path), keyword.lineno, [removed], cost=1))
    if type(consumer).__name__ in _FLAT_CONSUMERS:
        fixes.reverse()
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", rnn.name, type(rnn).__name__, path, site.line)
    finding.message = (f"{type(consumer).__name__} `{consumer.name}` was given the list of {count} tensors that "
                       f"`{rnn.name}` returns with return_state=True")
    finding.explanation = (
        f"With `return_state=True`, `{rnn.name}` returns a list: its output, then its final states "
        f"({count} tensors). `{consumer.name}` takes one tensor, so it cannot be built on the list. The states "
        "are for starting another recurrent layer (`initial_state=`); to give the next layer the hidden state "
        "of every step, use `return_sequences=True`, (batch, steps, units); for the last step only, leave "
        "`return_state` out.")
    finding.fixes = fixes
    return finding
