"""Data that another model made, refused by a model's declared input: the declaration is the root cause.

Inference decoders take what the encoder model returns: ``e_out, e_h, e_c = encoder_model.predict(input_seq)``,
then ``decoder_model.predict([target_seq, e_out, e_h, e_c])``. When the decoder declares its encoder-output input
with the wrong length, ``Input(shape=(max_summary_len, latent_dim))`` where the encoder returns the text's
``max_text_len`` steps (r1180), Keras refuses the data, and the data rules name the line that made it. But that
data is exactly what the trained encoder makes: no edit of it is right; the declaration is.

Evidence, read: a data-shape finding whose culprit is a line that assigns the data from a ``.predict(...)`` call
(or ``predict_on_batch``) other than the call that refused it, and whose fixes include one that declares the refusing input with the data's shape
(``declare the input as shape=...``). That fix's line becomes the root cause (an ``input``), and that fix goes
first; nothing else changes.
"""

from __future__ import annotations

import ast
from typing import Any

_PREDICTS = ("predict", "predict_on_batch")


def model_made_data(finding: Any) -> Any:
    """*finding* re-aimed at the input declaration when the refused data came from a model (see the module)."""
    if finding is None or finding.id != "SD201" or finding.culprit is None or finding.culprit.kind != "data":
        return finding
    declared = [f for f in finding.fixes if f.title.startswith("declare the input as shape=") and f.line
                and "where the size is chosen" not in f.title]  # the Input itself: a size constant shapes data too
    if not declared or _refusing_call(finding) or not _made_by_predict(finding.culprit.file, finding.culprit.line):
        return finding
    from shapedoctor.report.model import Place

    fix = declared[0]
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "InputLayer", fix.file, fix.line)
    finding.fixes.remove(fix)
    finding.fixes.insert(0, fix)
    finding.explanation = ((finding.explanation or "") + " The data was made by a model's `predict`: it is what "
                           "that trained model returns, so the declaration is the one to change.").strip()
    return finding


def _refusing_call(finding: Any) -> bool:
    """The culprit line is the call that refused the data (``scores = m.predict(state[np.newaxis])``): its
    ``predict`` consumes the data rather than making it."""
    consumer, culprit = finding.consumer, finding.culprit
    return consumer is not None and (consumer.file, consumer.line) == (culprit.file, culprit.line)


def _made_by_predict(file: str | None, line: int | None) -> bool:
    """The statement on *line* assigns the value of a ``.predict(...)`` call."""
    from shapedoctor.trace.sites import source_tree

    if not file or not line:
        return False
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError, OSError):
        return False
    return any(isinstance(n, ast.Assign) and n.lineno == line and isinstance(n.value, ast.Call)
               and isinstance(n.value.func, ast.Attribute) and n.value.func.attr in _PREDICTS
               for n in ast.walk(tree))
