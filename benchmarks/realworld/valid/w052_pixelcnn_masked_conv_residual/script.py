import numpy as np
import keras
from keras import layers

# Binarised 28x28 digits (random here), one channel
n_residual_blocks = 2
input_shape = (28, 28, 1)
images = (np.random.rand(64, 28, 28, 1) > 0.67).astype("float32")


class MaskedConv2D(layers.Layer):
    """A Conv2D whose kernel only sees pixels above and to the left (type A also hides the centre)."""

    def __init__(self, mask_type, **conv_kwargs):
        super().__init__()
        self.mask_type = mask_type
        self.conv = layers.Conv2D(**conv_kwargs)

    def build(self, input_shape):
        self.conv.build(input_shape)
        kh, kw = self.conv.kernel.shape[0], self.conv.kernel.shape[1]
        mask = np.zeros(self.conv.kernel.shape, dtype="float32")
        mask[: kh // 2] = 1.0
        mask[kh // 2, : kw // 2] = 1.0
        if self.mask_type == "B":
            mask[kh // 2, kw // 2] = 1.0
        self.mask = mask

    def call(self, inputs):
        self.conv.kernel.assign(self.conv.kernel * self.mask)
        return self.conv(inputs)


class PixelResidualBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.relu = layers.ReLU()
        self.reduce = layers.Conv2D(filters, 1, activation="relu")
        self.masked = MaskedConv2D("B", filters=filters // 2, kernel_size=3, padding="same", activation="relu")
        self.expand = layers.Conv2D(filters, 1, activation="relu")

    def call(self, inputs):
        x = self.expand(self.masked(self.reduce(self.relu(inputs))))
        return layers.add([inputs, x])


inputs = keras.Input(shape=input_shape)
x = MaskedConv2D("A", filters=32, kernel_size=7, padding="same", activation="relu")(inputs)
for _ in range(n_residual_blocks):
    x = PixelResidualBlock(filters=32)(x)
for _ in range(2):
    x = MaskedConv2D("B", filters=32, kernel_size=1, strides=1, padding="valid", activation="relu")(x)
out = layers.Conv2D(1, 1, strides=1, activation="sigmoid", padding="valid")(x)

pixel_cnn = keras.Model(inputs, out)
pixel_cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=0.0001), loss="binary_crossentropy")
pixel_cnn.fit(x=images, y=images, batch_size=16, epochs=1, validation_split=0.25, verbose=0)

# Generate pixel by pixel: each prediction gives the probability of the next pixel
pixels = np.zeros(shape=(2,) + pixel_cnn.input_shape[1:], dtype="float32")
batch, rows, cols, channels = pixels.shape
for row in range(2):
    for col in range(cols):
        probs = pixel_cnn.predict(pixels, verbose=0)[:, row, col, 0]
        pixels[:, row, col, 0] = np.random.binomial(1, probs)
print("generated", pixels.shape, pixels[:, :2].mean())
