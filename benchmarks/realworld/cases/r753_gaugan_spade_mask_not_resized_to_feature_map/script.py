# GauGAN generator: a latent vector is decoded from 4x4 up to the image size by
# residual blocks whose normalisation is SPADE, i.e. the per-pixel scale (gamma) and
# shift (beta) are predicted by convolutions over the one-hot segmentation map.
import numpy as np
import keras
from keras import layers, ops

IMG = 32
NUM_CLASSES = 6
LATENT_DIM = 16


class SPADE(layers.Layer):
    def __init__(self, filters, epsilon=1e-5, **kwargs):
        super().__init__(**kwargs)
        self.epsilon = epsilon
        self.conv = layers.Conv2D(32, 3, padding="same", activation="relu")
        self.conv_gamma = layers.Conv2D(filters, 3, padding="same")
        self.conv_beta = layers.Conv2D(filters, 3, padding="same")

    def build(self, input_shape):
        self.resize_shape = input_shape[1:3]

    def call(self, input_tensor, raw_mask):
        mask = raw_mask
        x = self.conv(mask)
        gamma = self.conv_gamma(x)
        beta = self.conv_beta(x)
        mean, var = ops.moments(input_tensor, axes=(0, 1, 2), keepdims=True)
        normalized = (input_tensor - mean) / ops.sqrt(var + self.epsilon)
        return gamma * normalized + beta


class ResBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters

    def build(self, input_shape):
        input_filter = input_shape[-1]
        self.spade_1 = SPADE(input_filter)
        self.spade_2 = SPADE(self.filters)
        self.conv_1 = layers.Conv2D(self.filters, 3, padding="same")
        self.conv_2 = layers.Conv2D(self.filters, 3, padding="same")
        self.learned_skip = self.filters != input_filter
        if self.learned_skip:
            self.spade_3 = SPADE(input_filter)
            self.conv_3 = layers.Conv2D(self.filters, 3, padding="same")

    def call(self, input_tensor, mask):
        x = self.conv_1(ops.leaky_relu(self.spade_1(input_tensor, mask), 0.2))
        x = self.conv_2(ops.leaky_relu(self.spade_2(x, mask), 0.2))
        skip = (self.conv_3(ops.leaky_relu(self.spade_3(input_tensor, mask), 0.2))
                if self.learned_skip else input_tensor)
        return skip + x


def build_generator():
    latent = keras.Input(shape=(LATENT_DIM,))
    mask = keras.Input(shape=(IMG, IMG, NUM_CLASSES))
    x = layers.Reshape((4, 4, 64))(layers.Dense(4 * 4 * 64)(latent))
    for filters in [64, 32, 16]:
        x = ResBlock(filters)(x, mask)
        x = layers.UpSampling2D((2, 2))(x)
    x = ops.leaky_relu(x, 0.2)
    image = ops.tanh(layers.Conv2D(3, 4, padding="same")(x))
    return keras.Model([latent, mask], image, name="generator")


generator = build_generator()
rng = np.random.default_rng(753)
seg = keras.utils.to_categorical(rng.integers(0, NUM_CLASSES, size=(4, IMG, IMG)), NUM_CLASSES)
noise = rng.normal(size=(4, LATENT_DIM)).astype("float32")
print(generator.predict([noise, seg], verbose=0).shape)
