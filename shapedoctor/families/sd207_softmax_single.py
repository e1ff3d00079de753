"""SD207 softmax-single-unit (silent): softmax over one unit always outputs 1.0.

Example of the bug::

    layers.Dense(1, activation="softmax")
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD207",
        slug="softmax-single-unit",
        title="Softmax over a single unit always outputs 1.0",
        what="A layer with one unit uses the softmax activation.",
        why=(
            "Softmax normalises values along the last axis so they sum to 1; with one value that value "
            "is always 1.0, so the model cannot learn anything. Binary tasks use one unit with "
            "`sigmoid`, or two units with `softmax`."
        ),
        example='layers.Dense(1, activation="softmax")',
        use_instead='layers.Dense(1, activation="sigmoid")',
        severity="warning",
        suggestions=('use `activation="sigmoid"` with one unit, or `Dense(2, activation="softmax")`',),
    )
)
