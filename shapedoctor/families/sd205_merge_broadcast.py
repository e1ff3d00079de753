"""SD205 merge-broadcast (silent): Add/Multiply/Subtract broadcast (None, 1) against (None, n).

Example of the bug::

    gate = layers.Dense(1)(x)
    out = layers.Multiply()([gate, features])   # (None, 1) * (None, 64)
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD205",
        slug="merge-broadcast",
        title="A merge layer silently broadcast one input against another",
        what="An element-wise merge got shapes that differ but broadcast, such as (None, 1) and (None, 64).",
        why=(
            "Keras's element-wise merges accept an axis of size 1 against any size and repeat it. "
            "Sometimes that is intended (a scalar gate), often it is a producer with the wrong number "
            "of units."
        ),
        example="layers.Add()([layers.Dense(1)(x), layers.Dense(64)(x)])",
        use_instead="layers.Add()([layers.Dense(64)(x), layers.Dense(64)(x)])",
        severity="warning",
        suggestions=("give both inputs the same shape, or make the repetition explicit (RepeatVector / ops.broadcast_to)",),
    )
)
