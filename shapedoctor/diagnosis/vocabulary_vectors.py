"""A model declared for one vector over the vocabulary, fed token ids: the vectorizer's ``output_mode``.

keras-io's bigram recipe feeds a Dense model ``keras.Input(shape=(text_vectorizer.vocabulary_size(),))``:
one multi-hot vector over the vocabulary per text, made by ``TextVectorization(output_mode="multi_hot",
ngrams=2)``. Left in ``output_mode="int"`` (the recipe for an Embedding model), the vectorizer gives padded
token ids, ``(2, 15)`` for a model of ``(None, 42)`` (r1024). Asking the vectorizer for 42
ids "builds" and trains, on token ids read as magnitudes: not a fix.

Evidence, recorded and read: the model's one input is 2-D and its declaration calls ``.vocabulary_size()``;
exactly one ``TextVectorization`` of the script has that vocabulary size and gives integer ids
(``output_mode="int"``, written or by default). Its line is the root cause; the fix writes
``output_mode="multi_hot"`` there, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def vocabulary_vectors(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when a model declared over the vocabulary is fed a vectorizer's token
    ids (see the module), else None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.diagnosis.data_origin import vectorizer_made
    from shapedoctor.trace.sites import display_path, source_tree_and_calls_at

    recorder = rec.CURRENT
    inputs = list(getattr(call.model, "inputs", None) or [])
    if recorder is None or len(inputs) != 1 or len(inputs[0].shape) != 2 or inputs[0].shape[1] is None:
        return None
    width = inputs[0].shape[1]
    made = getattr(getattr(inputs[0], "_keras_history", None), "operation", None)
    declared_at = recorder.creation_site(made) if made is not None else None
    if declared_at is None or not declared_at.file:
        return None
    _tree, calls = source_tree_and_calls_at(declared_at)
    if not any(isinstance(n, ast.Attribute) and n.attr == "vocabulary_size" for c in calls for n in ast.walk(c)):
        return None
    def gives_ids_over(layer: Any) -> bool:
        try:
            return layer.get_config().get("output_mode") == "int" and layer.vocabulary_size() == width
        except Exception:  # noqa: BLE001 - not adapted yet: no vocabulary to compare
            return False

    found = vectorizer_made(recorder, gives_ids_over)
    if found is None:
        return None
    layer, site, vectorizer = found
    if not all(t.isascii() for t in linecache.getlines(site.file)[vectorizer.lineno - 1:vectorizer.end_lineno]):
        return None
    mode = next((k.value for k in vectorizer.keywords if k.arg == "output_mode"), None)
    if mode is not None:
        if not isinstance(mode, ast.Constant) or mode.value != "int" or mode.lineno != mode.end_lineno:
            return None
        quote = linecache.getline(site.file, mode.lineno)[mode.col_offset]
        edit = TextEdit.replacing(site.file, mode, f"{quote}multi_hot{quote}")
    else:
        edit = TextEdit.appending_argument(site.file, vectorizer, 'output_mode="multi_hot"')
    from shapedoctor.patch.textedit import apply_edits

    patched = apply_edits("".join(linecache.getlines(site.file)), [edit]).splitlines()
    shown = "\n".join(line.strip() for line in patched[vectorizer.lineno - 1:vectorizer.end_lineno])
    fix = script_checked_fix('give one vector over the vocabulary per text: output_mode="multi_hot"', shown,
                             display_path(site.file), vectorizer.lineno, [edit], cost=1)
    place = Place("layer", layer.name, "TextVectorization", display_path(site.file), vectorizer.lineno,
                  linecache.getline(site.file, vectorizer.lineno).strip())
    why = (f"The model's input is declared with the vocabulary's size, {width}: one vector over the vocabulary per "
           f"text, as `output_mode=\"multi_hot\"` (or \"count\", \"tf_idf\") makes it. `{layer.name}` gives "
           "token ids instead (`output_mode=\"int\"`, the form an Embedding reads): a Dense layer would read the "
           "ids as amounts.")
    return place, fix, why, True
