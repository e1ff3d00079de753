"""The real output shape of a text lookup layer (``TextVectorization``, ``StringLookup``), got by running it.

Keras's symbolic answer for these layers can be wrong: ``TextVectorization`` in a counting mode
(``multi_hot``, ``count``, ``tf_idf``) fed one string per row, (None, 1), returns (None, k) when it
runs, but its ``compute_output_shape`` keeps the string axis and says (None, 1, k). Every later check
then sees an output one axis too many. The layer itself, run on two dummy strings, is the oracle;
running an adapted lookup layer changes nothing (it only reads its vocabulary).
"""

from __future__ import annotations

from typing import Any

_TEXT_LAYERS = ("TextVectorization", "StringLookup")


def text_layer_output(layer: Any, shape: tuple) -> tuple | None:
    """The output shape (batch axis None) of the text lookup *layer* run on two dummy strings of *shape*
    (batch axis first); None for another layer, an unknown size, or a layer that cannot run (not adapted)."""
    if type(layer).__name__ not in _TEXT_LAYERS or not all(isinstance(d, int) for d in shape[1:]):
        return None
    import numpy as np

    try:
        return (None,) + tuple(layer(np.full((2,) + tuple(shape[1:]), "a", dtype=object)).shape)[1:]
    except Exception:  # noqa: BLE001 - not adapted, or not for strings: Keras's own answer stands
        return None
