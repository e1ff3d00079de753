# PixelCNN on binarized digits (keras-io "PixelCNN" style): a masked 7x7 type-A
# convolution, residual blocks with masked 3x3 type-B convolutions, two 1x1 type-B
# layers and a sigmoid 1x1 output predicting every pixel from the pixels before it;
# the images are both the inputs and the targets.
import numpy as np
import keras
from keras import layers, ops

n_residual_blocks = 2
img_shape = (28, 28, 1)
rng = np.random.default_rng(8)


class MaskedConv(layers.Layer):
    def __init__(self, mask_type, **kwargs):
        super().__init__()
        self.mask_type = mask_type
        self.conv = layers.Conv2D(**kwargs)

    def build(self, input_shape):
        self.conv.build(input_shape)
        kshape = ops.shape(self.conv.kernel)
        self.mask = np.zeros(shape=kshape)
        self.mask[: kshape[0] // 2, ...] = 1.0
        self.mask[kshape[0] // 2, : kshape[1] // 2, ...] = 1.0
        if self.mask_type == "B":
            self.mask[kshape[0] // 2, kshape[1] // 2, ...] = 1.0

    def call(self, inputs):
        self.conv.kernel.assign(self.conv.kernel * self.mask)
        return self.conv(inputs)


class MaskedResidual(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.squeeze = layers.Conv2D(filters=filters, kernel_size=1, activation="relu")
        self.masked = MaskedConv(mask_type="B", filters=filters // 2, kernel_size=3,
                                 activation="relu", padding="same")
        self.expand = layers.Conv2D(filters=filters, kernel_size=1, activation="relu")

    def call(self, inputs):
        h = self.expand(self.masked(self.squeeze(inputs)))
        return layers.add([inputs, h])


digits = rng.integers(0, 256, size=(64,) + img_shape)
digits = np.where(digits < (0.33 * 256), 0, 1).astype("float32")

img_in = keras.Input(shape=img_shape)
h = MaskedConv(mask_type="A", filters=32, kernel_size=7, activation="relu")(img_in)
for _ in range(n_residual_blocks):
    h = MaskedResidual(filters=32)(h)
for _ in range(2):
    h = MaskedConv(mask_type="B", filters=32, kernel_size=1, strides=1, activation="relu",
                   padding="valid")(h)
pixel_probs = layers.Conv2D(filters=1, kernel_size=1, strides=1, activation="sigmoid", padding="valid")(h)
pixel_cnn = keras.Model(img_in, pixel_probs)
pixel_cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=0.0005), loss="binary_crossentropy")
pixel_cnn.fit(x=digits, y=digits, batch_size=16, epochs=2, validation_split=0.1, verbose=0)
print(pixel_cnn.predict(digits[:2], verbose=0).shape)
