"""SD206 dense-on-sequence (silent): Dense applied to a rank-3+ tensor where a vector was meant.

Example of the bug::

    layers.Conv2D(32, 3),
    layers.Dense(10, activation="softmax"),   # output (None, 26, 26, 10), labels (N, 10)
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD206",
        slug="dense-on-sequence",
        title="Dense was applied per position, not per sample",
        what="Dense on a tensor with more than two axes acts on the last axis only, once per position.",
        why=(
            "Dense keeps every axis but the last, so after a Conv2D it outputs one prediction per pixel "
            "and after an Embedding one per time step. With per-sample labels this is almost always a "
            "missing Flatten or pooling layer."
        ),
        example='layers.Conv2D(32, 3),\nlayers.Dense(10, activation="softmax"),',
        use_instead='layers.Conv2D(32, 3),\nlayers.Flatten(),\nlayers.Dense(10, activation="softmax"),',
        severity="warning",
        suggestions=("insert `Flatten()` or `GlobalAveragePooling1D/2D()` before the Dense head",),
    )
)
