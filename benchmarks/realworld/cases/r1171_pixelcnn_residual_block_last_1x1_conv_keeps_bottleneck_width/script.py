import numpy as np
import keras
from keras import layers

IMAGE_SIZE, PIXEL_LEVELS, N_FILTERS, RESIDUAL_BLOCKS = 16, 4, 64, 3

# stand-in for Fashion-MNIST resized to 16x16 and quantised to 4 grey levels
rng = np.random.default_rng(23)
imgs_int = rng.integers(0, PIXEL_LEVELS, size=(128, IMAGE_SIZE, IMAGE_SIZE, 1))
input_data = imgs_int.astype("float32") / PIXEL_LEVELS
output_data = imgs_int


class MaskedConv2D(layers.Layer):
    def __init__(self, mask_type, **kwargs):
        super().__init__()
        self.mask_type = mask_type
        self.conv = layers.Conv2D(**kwargs)

    def build(self, input_shape):
        self.conv.build(input_shape)
        kh, kw = self.conv.kernel.shape[:2]
        self.mask = np.zeros(self.conv.kernel.shape, dtype="float32")
        self.mask[: kh // 2, ...] = 1.0
        self.mask[kh // 2, : kw // 2, ...] = 1.0
        if self.mask_type == "B":
            self.mask[kh // 2, kw // 2, ...] = 1.0

    def call(self, inputs):
        self.conv.kernel.assign(self.conv.kernel * self.mask)
        return self.conv(inputs)


class ResidualBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv1 = layers.Conv2D(filters=filters // 2, kernel_size=1, activation="relu")
        self.pixel_conv = MaskedConv2D(mask_type="B", filters=filters // 2, kernel_size=3, activation="relu", padding="same")
        self.conv2 = layers.Conv2D(filters=filters // 2, kernel_size=1, activation="relu")

    def call(self, inputs):
        x = self.conv2(self.pixel_conv(self.conv1(inputs)))
        return inputs + x


inputs = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 1))
x = MaskedConv2D(mask_type="A", filters=N_FILTERS, kernel_size=7, activation="relu", padding="same")(inputs)
for _ in range(RESIDUAL_BLOCKS):
    x = ResidualBlock(filters=N_FILTERS)(x)
for _ in range(2):
    x = MaskedConv2D(mask_type="B", filters=N_FILTERS, kernel_size=1, activation="relu", padding="valid")(x)
out = layers.Conv2D(filters=PIXEL_LEVELS, kernel_size=1, activation="softmax", padding="valid")(x)
pixel_cnn = keras.Model(inputs, out)
pixel_cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=0.0005), loss="sparse_categorical_crossentropy")
pixel_cnn.fit(input_data, output_data, batch_size=32, epochs=1, verbose=0)

# sample one pixel of a new image from the predicted distribution
probs = pixel_cnn.predict(np.zeros((2, IMAGE_SIZE, IMAGE_SIZE, 1)), verbose=0)[:, 0, 0, :]
print(probs.shape, probs.sum(axis=1))
