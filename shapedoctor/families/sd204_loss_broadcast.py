"""SD204 loss-broadcast (silent): a loss or metric broadcasts labels against the output.

Example of the bug::

    model.compile(loss="mse")     # output (None, 64)
    model.fit(x, y)               # y has shape (N, 1): trains, but the loss is meaningless
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD204",
        slug="loss-broadcast",
        title="The loss silently broadcasts the labels against the output",
        what="Labels and output have different shapes that broadcasting makes compatible, so no error is raised.",
        why=(
            "NumPy-style broadcasting stretches an axis of size 1 to any size: (N, 1) labels against a "
            "(N, 64) output are compared 64 times each. Training runs, but it optimises the wrong "
            "thing, and the reported loss looks plausible."
        ),
        example='model.compile(loss="mse")   # 64 outputs\nmodel.fit(x, y)              # y: (N, 1)',
        use_instead='layers.Dense(1)               # one output per label\nmodel.fit(x, y)',
        severity="warning",
        suggestions=(
            "make the output have the labels' shape (e.g. `Dense(1)` for one target)",
            "or give labels of the output's shape",
        ),
    )
)
