"""Multi-hot text features: the model's input is as wide as the adapted vocabulary, not ``max_tokens``.

``TextVectorization(max_tokens=500, output_mode="multi_hot")`` (also ``count``, ``tf_idf``, and the
``StringLookup`` / ``IntegerLookup`` layers) gives one column per vocabulary entry; ``max_tokens`` only
caps the vocabulary. Adapted on a small corpus the layer learns fewer entries, so the features are
narrower than ``max_tokens`` and ``keras.Input(shape=(max_tokens,))`` refuses them. The keras-io guide
*Working with preprocessing layers* declares the input from the adapted layer:
``keras.Input(shape=(text_vectorizer.vocabulary_size(),))``.

Evidence, all read: the data's width is the ``vocabulary_size()`` of exactly one adapted lookup layer
the program made with such an output mode, bound once to a name in the file that declares the input.
The fix declares the input with that expression (verified on the model rebuilt with that width);
the variant that rebinds the cap to the width seen today (``max_tokens = 41``) is dropped: it fits this
corpus only. But when the vocabulary filled its cap (the width is the layer's own ``max_tokens``) and
the model's size is chosen elsewhere (``get_model(max_tokens=300)``, Deep Learning with Python chapter
11), the two sizes the user chose disagree: the model's is written where it is chosen, first.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import Any
from shapedoctor.trace.sites import source_tree

_WIDE_MODES = {"multi_hot", "count", "tf_idf", "one_hot"}


def with_vocabulary_width(model: Any, prob: Any, index: int) -> None:
    """Before the fix that re-declares input *index* as the data's width, the same declaration
    written as the adapted layer's ``vocabulary_size()`` (see the module); no-op otherwise."""
    from shapedoctor.diagnosis.size_choice import plain_input_fix
    from shapedoctor.trace import recorder as rec

    found = plain_input_fix(model, prob, index)
    if found is None:
        return
    plain, site = found
    shape = tuple(plain.edits[0][2])
    if len(shape) != 2 or not isinstance(shape[1], int):
        return
    found = [(name, layer) for layer in rec.CURRENT.created_layers() if _width(layer) == shape[1]
             if (name := _bound_name(rec.CURRENT.creation_site(layer), site)) is not None]
    if len(found) != 1:
        return
    name, layer = found[0]
    expression = f"{name}.vocabulary_size()"
    variant = replace(plain, title=f"declare the input as wide as the adapted vocabulary: shape=({expression},)",
                      edits=[("input_written", index, (shape, f"({expression},)"))], cost=1,
                      note=f"{name} makes one column per vocabulary entry; max_tokens only caps the vocabulary")
    rebinds = [f for f in prob.fixes if f.kind == "model" and f.edits and f.edits[0][0] == "input_rebind"
               and f.edits[0][1] == index]
    if rebinds and getattr(layer, "max_tokens", None) == shape[1]:
        # The vocabulary filled its cap: the width is the max_tokens the user chose for the layer, and
        # the model's size, chosen elsewhere (get_model(max_tokens=300)), is the other choice to align.
        rebinds[0].cost = 1
        prob.fixes.insert(prob.fixes.index(rebinds[0]) + 1, replace(variant, cost=2))
        prob.explanation += (f" The data's {shape[1]} columns are the max_tokens={shape[1]} `{name}` was made "
                             "with (its vocabulary filled the cap); the model's input size was chosen apart from it. "
                             "Give both one size.")
        return
    prob.fixes = [f for f in prob.fixes if f not in rebinds]
    prob.fixes.insert(0, variant)
    prob.culprit_kind = "layer"
    prob.layer = model.inputs[index]._keras_history.operation  # the Input line declares the width
    prob.explanation += (f" The data's {shape[1]} columns are the vocabulary `{name}` learned when it was adapted "
                         "(one column per entry); its max_tokens is only an upper bound. Declare the input from the "
                         "adapted layer.")


def _width(layer: Any) -> int | None:
    """The number of columns an adapted lookup layer in a multi-hot-like mode makes, else None."""
    size = getattr(layer, "vocabulary_size", None)
    if size is None or getattr(layer, "output_mode", None) not in _WIDE_MODES:
        return None
    try:
        width = int(size())
    except Exception:  # noqa: BLE001 - not adapted, or not a lookup layer
        return None
    return width if width > 1 else None


def _bound_name(made: Any, declared: Any) -> str | None:
    """The name the statement at *made* binds the layer to, when the file of *declared* binds it once."""
    if made is None or declared is None or made.file != declared.file:
        return None
    from shapedoctor.diagnosis.data_origin import assigned_name

    name = assigned_name(made.file, made.line)
    if name is None:
        return None
    tree = source_tree(made.file)
    stores = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)]
    return name if len(stores) == 1 and made.line <= declared.line else None
