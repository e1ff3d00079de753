"""SD203 sample-count: x and y (or several inputs/outputs) hold different numbers of samples.

Example of the bug::

    model.fit(x[:1000], y)    # y has 1200 rows
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD203",
        slug="sample-count",
        title="Inputs and labels hold different numbers of samples",
        what="The first (batch) axis of `x` and `y` differ, or a multi-output model got the wrong number of label arrays.",
        why=(
            "Keras pairs the i-th input with the i-th label along the first axis, so every array "
            "passed to `fit` must have the same length there. A transposed array or a filter "
            "applied to `x` but not to `y` breaks the pairing."
        ),
        example="model.fit(x[:1000], y)",
        use_instead="model.fit(x[:1000], y[:1000])",
        suggestions=(
            "apply the same selection/split to x and y",
            "check for a transposed array: the samples axis must come first",
            "give a multi-output model one label array per output",
        ),
    )
)
