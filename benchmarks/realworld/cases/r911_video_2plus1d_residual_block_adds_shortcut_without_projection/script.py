import numpy as np
import keras
from keras import layers

HEIGHT, WIDTH, N_FRAMES = 32, 32, 6
rng = np.random.default_rng(911)
videos = rng.random((24, N_FRAMES, HEIGHT, WIDTH, 3)).astype("float32")
labels = rng.integers(0, 4, size=24)


class Conv2Plus1D(keras.layers.Layer):
    def __init__(self, filters, kernel_size, padding):
        super().__init__()
        self.seq = keras.Sequential([
            layers.Conv3D(filters=filters, kernel_size=(1, kernel_size[1], kernel_size[2]), padding=padding),
            layers.Conv3D(filters=filters, kernel_size=(kernel_size[0], 1, 1), padding=padding),
        ])

    def call(self, x):
        return self.seq(x)


class ResidualMain(keras.layers.Layer):
    def __init__(self, filters, kernel_size):
        super().__init__()
        self.seq = keras.Sequential([
            Conv2Plus1D(filters=filters, kernel_size=kernel_size, padding="same"),
            layers.LayerNormalization(),
            layers.ReLU(),
            Conv2Plus1D(filters=filters, kernel_size=kernel_size, padding="same"),
            layers.LayerNormalization(),
        ])

    def call(self, x):
        return self.seq(x)


class Project(keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.seq = keras.Sequential([layers.Dense(units), layers.LayerNormalization()])

    def call(self, x):
        return self.seq(x)


def add_residual_block(input, filters, kernel_size):
    out = ResidualMain(filters, kernel_size)(input)
    res = input
    return layers.add([res, out])


input_shape = (None, N_FRAMES, HEIGHT, WIDTH, 3)
inp = layers.Input(shape=input_shape[1:])
x = Conv2Plus1D(filters=8, kernel_size=(3, 7, 7), padding="same")(inp)
x = layers.BatchNormalization()(x)
x = layers.ReLU()(x)
x = add_residual_block(x, 8, (3, 3, 3))
x = layers.MaxPooling3D((1, 2, 2))(x)
x = add_residual_block(x, 16, (3, 3, 3))
x = layers.GlobalAveragePooling3D()(x)
x = layers.Flatten()(x)
x = layers.Dense(4)(x)
model = keras.Model(inp, x)

model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              optimizer=keras.optimizers.Adam(learning_rate=0.0001), metrics=["accuracy"])
model.fit(videos, labels, batch_size=8, epochs=1, verbose=0)
print(model.predict(videos[:2], verbose=0).shape)
