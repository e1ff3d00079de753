# SPADE-normalised image generator (GauGAN style): the label map is resized with
# nearest-neighbour interpolation to every feature-map size before it predicts the
# spatial gamma and beta that modulate the batch-normalised activations.
import numpy as np
import keras
from keras import layers, ops

OUT_SIDE = 48
N_LABELS = 4
NOISE_DIM = 12


class SpatialAdaptiveNorm(layers.Layer):
    def __init__(self, channels, eps=1e-5, **kwargs):
        super().__init__(**kwargs)
        self.eps = eps
        self.shared = layers.Conv2D(24, 3, padding="same", activation="relu")
        self.to_gamma = layers.Conv2D(channels, 3, padding="same")
        self.to_beta = layers.Conv2D(channels, 3, padding="same")

    def build(self, features_shape, label_map_shape):
        self.target_hw = tuple(features_shape[1:3])

    def call(self, features, label_map):
        seg = ops.image.resize(label_map, self.target_hw, interpolation="nearest")
        hidden = self.shared(seg)
        mu, var = ops.moments(features, axes=(0, 1, 2), keepdims=True)
        return self.to_gamma(hidden) * ((features - mu) / ops.sqrt(var + self.eps)) + self.to_beta(hidden)


class SpadeBlock(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width

    def build(self, features_shape, label_map_shape):
        c_in = features_shape[-1]
        self.norm_a, self.norm_b = SpatialAdaptiveNorm(c_in), SpatialAdaptiveNorm(self.width)
        self.conv_a = layers.Conv2D(self.width, 3, padding="same")
        self.conv_b = layers.Conv2D(self.width, 3, padding="same")
        self.project = None
        if c_in != self.width:
            self.norm_s = SpatialAdaptiveNorm(c_in)
            self.project = layers.Conv2D(self.width, 3, padding="same")

    def call(self, features, label_map):
        h = self.conv_a(ops.leaky_relu(self.norm_a(features, label_map), 0.2))
        h = self.conv_b(ops.leaky_relu(self.norm_b(h, label_map), 0.2))
        if self.project is not None:
            features = self.project(ops.leaky_relu(self.norm_s(features, label_map), 0.2))
        return features + h


noise_in = keras.Input(shape=(NOISE_DIM,))
labels_in = keras.Input(shape=(OUT_SIDE, OUT_SIDE, N_LABELS))
g = layers.Reshape((6, 6, 48))(layers.Dense(6 * 6 * 48)(noise_in))
for width in [48, 24, 12]:
    g = SpadeBlock(width)(g, labels_in)
    g = layers.UpSampling2D(2)(g)
picture = ops.tanh(layers.Conv2D(3, 4, padding="same")(ops.leaky_relu(g, 0.2)))
spade_generator = keras.Model([noise_in, labels_in], picture)

gen = np.random.default_rng(151)
maps = np.eye(N_LABELS, dtype="float32")[gen.integers(0, N_LABELS, size=(3, OUT_SIDE, OUT_SIDE))]
z = gen.normal(size=(3, NOISE_DIM)).astype("float32")
print(spade_generator.predict([z, maps], verbose=0).shape)
