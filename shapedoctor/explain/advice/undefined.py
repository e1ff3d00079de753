"""SD107 undefined dimension: a layer needs a size that is None (Flatten on a variable-size image)."""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, fix, layer_place, rule_for, who
from shapedoctor.messages.facts import ErrorFacts


@advisor("SD107")
def advise_undefined(f: ErrorFacts, ranked: list) -> Advice:
    name = who(f) if (f.layer or f.layer_class) else "Dense"
    if (f.received or "").startswith("kernel"):
        message = f"{name} cannot build its weights: its input's last axis is None ({f.received})"
    else:
        message = f"{name} needs a defined last axis, received {f.received}"
    explanation = (
        f"{f.layer_class or 'Dense'} creates its weights from the size of its input's last axis, and that size is "
        f"None ({f.received}). "
    ) + rule_for("SD107", f)
    fixes = [
        fix("Replace Flatten with global pooling, which works for any image size", "layers.GlobalAveragePooling2D(),"),
        fix("Or give the Input concrete sizes if every sample has the same size",
            "keras.Input(shape=(height, width, channels))"),
    ]
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell="The text does not show which axis became None, nor where.")
