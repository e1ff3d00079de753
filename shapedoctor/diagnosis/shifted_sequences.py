"""Sequences vectorized to the model's length, then shifted into next-token pairs: one token short.

keras-io's miniature GPT vectorizes each review to ``maxlen + 1`` tokens because its map function
drops one to make the next-token pairs (inputs ``tokens[:, :-1]``, targets ``tokens[:, 1:]``), both
``maxlen`` long like the model's ``Input(shape=(maxlen,))``. Vectorized to ``maxlen`` tokens, the pairs
are ``maxlen - 1`` long and the model refuses them: "expected shape=(None, 20), found shape=(None, 19)"
(r763). Keras names the model's input; the cause is the vectorizer's length.

Evidence, recorded and read: a training call's inputs are one step shorter than the model's one
sequence input of length L; the script made a ``TextVectorization`` with ``output_sequence_length`` L,
written as a keyword on one line; the script shifts sequences (a slice ``[:, :-1]`` or ``[:-1]``). The
keyword is the root cause; the fix vectorizes one token more, ``output_sequence_length=EXPR + 1``, proven
by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def shifted_sequences(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when shifted pairs of sequences vectorized to the model's length
    are one token short (see the module), else None."""
    from shapedoctor.diagnosis.training_base import model_inputs
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path

    if call.method not in ("fit", "evaluate", "train_on_batch", "test_on_batch") or rec.CURRENT is None:
        return None
    inputs = model_inputs(call.model)
    data = call.x_shapes
    if len(inputs) != 1 or len(inputs[0]) != 2 or not isinstance(inputs[0][1], int):
        return None
    length = inputs[0][1]
    if not (isinstance(data, tuple) and len(data) == 2 and data[1] == length - 1):
        return None
    found = _vectorizer_length(rec.CURRENT, length)
    if found is None:
        return None
    path, keyword, line = found
    if not _shifts(path):
        return None
    text = linecache.getline(path, keyword.value.lineno)
    written = text[keyword.value.col_offset:keyword.value.end_col_offset]
    edit = TextEdit.replacing(path, keyword.value, f"{written} + 1")
    fix = script_checked_fix(f"vectorize one token more for the shift: output_sequence_length={written} + 1",
                             edit.shown(), display_path(path), line, [edit], cost=1)
    place = Place.at_line("data", "TextVectorization", "TextVectorization", path, line)
    why = (f"The model reads sequences of {length} tokens, and the `TextVectorization` makes sequences of "
           f"{length} tokens too; but the pairs for next-token training drop one token (inputs `[:, :-1]`, "
           f"targets `[:, 1:]`), so the model gets {length - 1}. Vectorize {length} + 1 tokens so that both "
           f"halves of each pair keep {length}.")
    return place, fix, why, True


def _vectorizer_length(recorder: Any, length: int):
    """(path, ``output_sequence_length`` keyword, line) of the one TextVectorization made with *length*."""
    from shapedoctor.diagnosis.data_origin import vectorizer_made

    found = vectorizer_made(recorder, lambda layer: getattr(layer, "get_config", None)
                            and layer.get_config().get("output_sequence_length") == length)
    if found is None:
        return None
    _layer, site, call = found
    keyword = next((k for k in call.keywords if k.arg == "output_sequence_length"), None)
    if keyword is None or keyword.value.lineno != keyword.value.end_lineno \
            or not linecache.getline(site.file, keyword.value.lineno).isascii():
        return None
    return site.file, keyword, keyword.value.lineno


def _shifts(path: str) -> bool:
    """Whether the script slices a sequence to all but its last token (``[:, :-1]`` or ``[:-1]``)."""
    from shapedoctor.trace.sites import source_tree

    for node in ast.walk(source_tree(path)):
        if not isinstance(node, ast.Subscript):
            continue
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        last = parts[-1]
        if (isinstance(last, ast.Slice) and last.lower is None and last.step is None
                and isinstance(last.upper, ast.UnaryOp) and isinstance(last.upper.op, ast.USub)
                and isinstance(last.upper.operand, ast.Constant) and last.upper.operand.value == 1
                and all(isinstance(p, ast.Slice) and p.lower is None and p.upper is None for p in parts[:-1])):
            return True
    return False
