import numpy as np
import keras
from keras import layers

HEIGHT, WIDTH, FRAMES = 32, 32, 6


class Conv2Plus1D(layers.Layer):
    """A (2+1)D convolution: a spatial Conv3D followed by a temporal Conv3D."""

    def __init__(self, filters, kernel_size, padding):
        super().__init__()
        self.seq = keras.Sequential(
            [
                layers.Conv3D(filters, (1, kernel_size[1], kernel_size[2]), padding=padding),
                layers.Conv3D(filters, (kernel_size[0], 1, 1), padding=padding),
            ]
        )

    def call(self, x):
        return self.seq(x)


class ResidualMain(layers.Layer):
    def __init__(self, filters, kernel_size):
        super().__init__()
        self.seq = keras.Sequential(
            [
                Conv2Plus1D(filters, kernel_size, padding="same"),
                layers.LayerNormalization(),
                layers.ReLU(),
                Conv2Plus1D(filters, kernel_size, padding="same"),
                layers.LayerNormalization(),
            ]
        )

    def call(self, x):
        return self.seq(x)


class Project(layers.Layer):
    """Project the last axis of a tensor to `units` (Dense + LayerNormalization)."""

    def __init__(self, units):
        super().__init__()
        self.seq = keras.Sequential([layers.Dense(units), layers.LayerNormalization()])

    def call(self, x):
        return self.seq(x)


def add_residual_block(input, filters, kernel_size):
    out = ResidualMain(filters, kernel_size)(input)
    res = input
    return layers.add([res, out])


input = layers.Input(shape=(FRAMES, HEIGHT, WIDTH, 3))
x = Conv2Plus1D(filters=8, kernel_size=(3, 7, 7), padding="same")(input)
x = layers.BatchNormalization()(x)
x = layers.ReLU()(x)
x = layers.MaxPooling3D(pool_size=(1, 2, 2))(x)

# Block 1
x = add_residual_block(x, 8, (3, 3, 3))
x = layers.MaxPooling3D(pool_size=(1, 2, 2))(x)

# Block 2
x = add_residual_block(x, 16, (3, 3, 3))
x = layers.MaxPooling3D(pool_size=(1, 2, 2))(x)

# Block 3
x = add_residual_block(x, 32, (3, 3, 3))

x = layers.GlobalAveragePooling3D()(x)
x = layers.Flatten()(x)
x = layers.Dense(10)(x)

model = keras.Model(input, x)
model.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.Adam(learning_rate=0.0001),
    metrics=["accuracy"],
)
rng = np.random.default_rng(0)
videos = rng.random((16, FRAMES, HEIGHT, WIDTH, 3)).astype("float32")
classes = rng.integers(0, 10, size=(16,))
model.fit(videos, classes, epochs=1, batch_size=8)
