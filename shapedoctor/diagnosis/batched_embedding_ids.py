"""Ids beyond an Embedding's rows in batched data: the Embedding sized to the vocabulary the model already names.

With arrays, the largest id of all the data is known before ``fit`` runs and the pre-flight sizes the
Embedding to it (training_sequences.embedding_ids). A ``tf.data`` dataset or a generator shows one batch,
so only TensorFlow's lookup error says an id has no row (``indices[0,0] = 195 is not in [0, 128)``), and
195 + 1 rows is a lower bound, not the vocabulary. The keras-io byte-level text generator fed UTF-8 bytes
to ``Embedding(input_dim=128)`` while its softmax head already predicts ``byte_vocab_size`` (256) ids
with a sparse loss (r906): the ids in and the ids out are one vocabulary, so the Embedding needs as many
rows as the head has classes.

Evidence, recorded and read: the error's id and row count; exactly one Embedding of that many rows fed
straight by a model input of the batched call that raised; and either one adapted integer tokenizer whose
vocabulary holds the id (its size), or a sparse loss on a head with more classes than the id, whose
labels in the recorded batch are ids below that count (the head's width). The fix gives the Embedding
that many rows (in the user's name for the size when the script has one), verified by a training step
of a copy on the recorded batch; with neither, nothing (the text's advice stands).
"""

from __future__ import annotations

import re
from typing import Any

_IDS = re.compile(r"indices\[[^\]]*\] = (\d+) is not in \[0, (\d+)\)")


def batched_embedding_ids(exc: BaseException, recorder: Any) -> Any:
    """The verified finding for an id beyond an Embedding's rows in a batched call, or None."""
    import numpy as np

    from shapedoctor.diagnosis.training_base import SPARSE, Problem, TrainingFix, all_layers, loss_name, model_outputs
    from shapedoctor.diagnosis.training_fixes import findings_for
    from shapedoctor.diagnosis.training_sequences import _fed_by_input, _tokenizer_rows
    from shapedoctor.repair import invariants as inv

    match = _IDS.search(str(exc))
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is exc and c.batched]
    if match is None or len(calls) != 1:
        return None
    largest, rows = int(match[1]), int(match[2])
    call, model = calls[0], calls[0].model
    embeddings = [layer for layer in all_layers(model) if type(layer).__name__ == "Embedding"
                  and getattr(layer, "input_dim", None) == rows and _fed_by_input(layer, model) is not None]
    if len(embeddings) != 1:
        return None
    layer = embeddings[0]
    tokenizer = _tokenizer_rows(largest + 1) or _lookup_table_rows(exc, largest + 1)
    if tokenizer is not None:
        size = tokenizer[1]
        why = f"The ids come from `{tokenizer[0]}`, whose vocabulary has room for {size} ids."
    else:
        outputs = model_outputs(model)
        classes = outputs[0][-1] if len(outputs) == 1 and outputs[0] else None
        labels = np.asarray(call.y) if call.y is not None and not isinstance(call.y, (dict, list, tuple)) else None
        if not (isinstance(classes, int) and classes > largest and loss_name(call.loss) in SPARSE and labels is not None
                and labels.size and labels.dtype.kind in "iu" and 0 <= labels.min() and labels.max() < classes):
            return None
        size = classes
        why = (f"The model's head predicts one of {classes} ids with a sparse loss, and the labels are such ids: the ids "
               f"the Embedding reads and the ids the head predicts are one vocabulary of {classes}.")
    prob = Problem("SD201", f"the data holds id {largest} (at least) but Embedding `{layer.name}` has rows for ids 0 to "
                   f"{rows - 1} (input_dim={rows})", "layer", expected=f"ids 0 to {rows - 1}",
                   received=f"ids up to {largest} at least", layer=layer)
    prob.explanation = (f"An Embedding has one row per id: `input_dim` is the vocabulary size. `{layer.name}` was given "
                        f"input_dim={rows}, but a batch holds id {largest}, so its lookup fails (TensorFlow: "
                        f"'indices[...] = {largest} is not in [0, {rows})'; JAX silently reads the wrong row). The "
                        f"batches come one by one, so {largest} is only the first id seen beyond the rows. {why} Give "
                        f"the Embedding {size} rows.")
    prob.fixes.append(TrainingFix(f"give the Embedding one row per id of the vocabulary: input_dim = {size}", "model",
                                  edits=[("config", layer, {"input_dim": size})], cost=1,
                                  checks=lambda _full, largest=largest, size=size: [
                                      ("ids_in_range", *inv.ids_in_range(largest, size))]))
    found = findings_for(call, [prob], recorder)
    return found[0] if found else None


def _lookup_table_rows(exc: BaseException, need: int) -> tuple[str, int] | None:
    """(name, number of ids) of the one ``tf.lookup`` vocabulary table the script holds in a global name whose ids
    reach *need*: a ``StaticVocabularyTable`` gives the known words' ids and then its out-of-vocabulary buckets,
    ``size()`` ids in all (Hands-on ML's ``vocab_size + num_oov_buckets``, r1107)."""
    from shapedoctor.diagnosis.reaim import script_frame

    where = script_frame(exc)
    if where is None:
        return None
    found = []
    for name, value in list(where[0].f_globals.items()):
        if type(value).__name__ not in ("StaticVocabularyTable", "StaticHashTable") or not callable(
                getattr(value, "size", None)):
            continue
        try:
            size = int(value.size())
        except Exception:  # noqa: BLE001 - a table that cannot say its size is no evidence
            continue
        if size >= need:
            found.append((name, size))
    return found[0] if len(found) == 1 else None
