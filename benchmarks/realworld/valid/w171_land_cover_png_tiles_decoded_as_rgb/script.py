# Land-cover segmentation of map tiles: the tiles come as PNG bytes that may carry an alpha
# channel, so they are decoded as RGB (channels=3) before resizing and feeding a small
# encoder-decoder that predicts a class for every pixel.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

TILE, N_COVER = 32, 4
colours = np.array([[34, 139, 34], [65, 105, 225], [210, 180, 140], [128, 128, 128]], dtype="uint8")
gen = np.random.default_rng(171)

tile_bytes, cover_maps = [], []
for _ in range(40):
    cover = gen.integers(0, N_COVER, size=(40, 40))
    rgba = np.concatenate([colours[cover], np.full((40, 40, 1), 255, "uint8")], axis=-1)
    tile_bytes.append(tf.io.encode_png(rgba).numpy())
    cover_maps.append(gen.integers(0, N_COVER, size=(TILE, TILE)))


def decode_tile(raw):
    tile = tf.image.decode_png(raw, channels=3)
    tile = tf.image.resize(tile, (TILE, TILE), method="nearest")
    return tf.cast(tile, tf.float32) / 255.0


tiles = tf.data.Dataset.from_tensor_slices((tile_bytes, np.stack(cover_maps)))
tiles = tiles.map(lambda raw, c: (decode_tile(raw), c)).batch(10)

rgb = keras.Input(shape=(TILE, TILE, 3))
f = layers.Conv2D(12, 3, padding="same", activation="relu")(rgb)
g = layers.Conv2D(24, 3, strides=2, padding="same", activation="relu")(f)
g = layers.UpSampling2D()(g)
f = layers.Concatenate()([f, g])
cover_probs = layers.Conv2D(N_COVER, 1, activation="softmax")(f)
segmenter = keras.Model(rgb, cover_probs)
segmenter.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

segmenter.fit(tiles, epochs=2, verbose=0)
print("output map:", segmenter.predict(tiles.take(1), verbose=0).shape)
