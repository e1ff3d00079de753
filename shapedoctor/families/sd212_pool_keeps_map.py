"""SD212 pool-keeps-map (silent): a pooling window as large as the whole map, padded to keep its size.

Example of the bug::

    x = layers.AveragePooling2D(pool_size=(7, 7), strides=(1, 1), padding="same")(x)   # 7x7 map stays 7x7
    x = layers.Flatten()(x)                                                            # 49 times too wide
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD212",
        slug="pool-keeps-map",
        title="A pooling layer meant to reduce the map to one position keeps its size",
        what="A pooling window as large as its whole input map, with stride 1 and `padding=\"same\"`.",
        why=(
            "A window that covers the whole map is written to reduce it to one value per channel (ResNet's "
            "final 7x7 average pool). With `padding=\"same\"` and stride 1 Keras pads the map and slides the "
            "window over every position, so the output keeps the map's size: a blurred copy of it. Nothing "
            "raises; the Flatten after it hands the classifier one value per position and channel."
        ),
        example='layers.AveragePooling2D(pool_size=(7, 7), strides=(1, 1), padding="same")',
        use_instead='layers.AveragePooling2D(pool_size=(7, 7), strides=(1, 1), padding="valid")',
        severity="warning",
        suggestions=('pool with `padding="valid"` (or use GlobalAveragePooling2D)',),
    )
)
