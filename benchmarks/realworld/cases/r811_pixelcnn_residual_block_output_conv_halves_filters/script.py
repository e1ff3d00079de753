# PixelCNN on small binarized images (keras-io "PixelCNN" style): masked convolutions
# only see the pixels above and to the left, residual blocks squeeze the features with
# a 1x1 conv, apply a masked 3x3 conv and expand back before adding the block's input.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(17)
pictures = (rng.random((64, 16, 16, 1)) > 0.5).astype("float32")
width = 32
n_blocks = 3


class MaskedConv(layers.Layer):
    def __init__(self, mask_type, **conv_kwargs):
        super().__init__()
        self.mask_type = mask_type
        self.conv = layers.Conv2D(**conv_kwargs)

    def build(self, input_shape):
        self.conv.build(input_shape)
        kh, kw = self.conv.kernel.shape[0], self.conv.kernel.shape[1]
        mask = np.zeros(self.conv.kernel.shape, dtype="float32")
        mask[: kh // 2, ...] = 1.0
        mask[kh // 2, : kw // 2, ...] = 1.0
        if self.mask_type == "B":
            mask[kh // 2, kw // 2, ...] = 1.0
        self.mask = mask

    def call(self, inputs):
        self.conv.kernel.assign(self.conv.kernel * self.mask)
        return self.conv(inputs)


class ResBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.squeeze = layers.Conv2D(filters, 1, activation="relu")
        self.masked = MaskedConv("B", filters=filters // 2, kernel_size=3,
                                 activation="relu", padding="same")
        self.expand = layers.Conv2D(filters // 2, 1, activation="relu")

    def call(self, inputs):
        h = self.squeeze(inputs)
        h = self.masked(h)
        h = self.expand(h)
        return layers.add([inputs, h])


image_in = keras.Input(shape=(16, 16, 1))
h = MaskedConv("A", filters=width, kernel_size=7, activation="relu", padding="same")(image_in)
for _ in range(n_blocks):
    h = ResBlock(width)(h)
for _ in range(2):
    h = MaskedConv("B", filters=width, kernel_size=1, activation="relu", padding="valid")(h)
pixel_probs = layers.Conv2D(1, 1, activation="sigmoid", padding="valid")(h)

pixelcnn = keras.Model(image_in, pixel_probs)
pixelcnn.compile(optimizer=keras.optimizers.Adam(0.0005), loss="binary_crossentropy")
pixelcnn.fit(pictures, pictures, batch_size=16, epochs=1, validation_split=0.1, verbose=0)
print(pixelcnn.predict(pictures[:2], verbose=0).shape)
