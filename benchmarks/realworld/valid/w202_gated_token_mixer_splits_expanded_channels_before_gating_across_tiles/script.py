import numpy as np
import keras
from keras import layers, ops

n_categories = 6
img_side = 24
tile = 4
n_tiles = (img_side // tile) ** 2
width = 24


class TileSplitter(layers.Layer):
    def __init__(self, tile, **kwargs):
        super().__init__(**kwargs)
        self.tile = tile

    def call(self, images):
        tiles = ops.image.extract_patches(images, self.tile)
        shape = ops.shape(tiles)
        return ops.reshape(tiles, (shape[0], shape[1] * shape[2], shape[3]))


class GatedTokenMixer(layers.Layer):
    def __init__(self, n_tiles, width, drop=0.1, **kwargs):
        super().__init__(**kwargs)
        self.expand = keras.Sequential(
            [layers.Dense(width * 2, activation="gelu"), layers.Dropout(drop)]
        )
        self.shrink = layers.Dense(width)
        self.across_tiles = layers.Dense(n_tiles, bias_initializer="Ones")
        self.norm_in = layers.LayerNormalization(epsilon=1e-6)
        self.norm_gate = layers.LayerNormalization(epsilon=1e-6)

    def gate(self, h):
        left, right = ops.split(h, 2, axis=-1)
        right = self.norm_gate(right)
        right = ops.transpose(right, axes=(0, 2, 1))
        right = self.across_tiles(right)
        right = ops.transpose(right, axes=(0, 2, 1))
        return left * right

    def call(self, tokens):
        h = self.norm_in(tokens)
        h = self.expand(h)
        h = self.gate(h)
        h = self.shrink(h)
        return tokens + h


pictures = keras.Input(shape=(img_side, img_side, 1))
tokens = TileSplitter(tile)(layers.Rescaling(1.0 / 255)(pictures))
tokens = layers.Dense(width)(tokens)
for _ in range(3):
    tokens = GatedTokenMixer(n_tiles, width)(tokens)
pooled = layers.GlobalAveragePooling1D()(tokens)
scores = layers.Dense(n_categories)(layers.Dropout(0.2)(pooled))
mixer_net = keras.Model(pictures, scores)

gen = np.random.default_rng(21)
pics = gen.integers(0, 256, size=(120, img_side, img_side, 1)).astype("float32")
cats = gen.integers(0, n_categories, size=(120,))
mixer_net.compile(
    optimizer=keras.optimizers.Adam(2e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
mixer_net.fit(pics, cats, batch_size=24, epochs=2, validation_split=0.2, verbose=0)
print("logits", mixer_net.predict(pics[:3], verbose=0).shape)
