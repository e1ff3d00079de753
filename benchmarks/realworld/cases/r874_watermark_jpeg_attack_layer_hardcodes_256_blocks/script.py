# DWT/CNN image watermarking (embedder -> attack simulation -> extractor). The JPEG attack
# layer quantizes the 8x8 DCT-like blocks of the watermarked luminance image so that the
# extractor learns to survive compression.
import numpy as np
import keras
from keras import layers, ops

IMAGE_SIZE = 128
WM_BITS = 64
rng = np.random.default_rng(874)
images = rng.random((64, IMAGE_SIZE, IMAGE_SIZE, 1)).astype("float32")
watermarks = rng.integers(0, 2, (64, WM_BITS)).astype("float32")


class JPEGAttack(layers.Layer):
    def __init__(self, quality=50, **kwargs):
        super().__init__(**kwargs)
        q = np.full((8, 8), 16.0, dtype="float32") + np.arange(64, dtype="float32").reshape(8, 8)
        scale = 5000 / quality if quality < 50 else 200 - 2 * quality
        self.q_mat = np.floor((scale * q + 50.0) / 100.0) / 255.0

    def call(self, x):
        batch = ops.shape(x)[0]
        blocks = ops.reshape(x, (batch, 32, 8, 32, 8))
        q = ops.reshape(ops.convert_to_tensor(self.q_mat), (1, 1, 8, 1, 8))
        blocks = blocks + ops.stop_gradient(ops.round(blocks / q) * q - blocks)
        return ops.reshape(blocks, (batch, 256, 256, 1))


img_in = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 1))
wm_in = keras.Input(shape=(WM_BITS,))
wm_plane = layers.Reshape((8, 8, 1))(layers.Dense(64)(wm_in))
wm_plane = layers.UpSampling2D(IMAGE_SIZE // 8)(wm_plane)
h = layers.Concatenate()([img_in, wm_plane])
h = layers.Conv2D(16, 3, padding="same", activation="relu")(h)
marked = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(h)
attacked = JPEGAttack()(marked)
e = layers.Conv2D(16, 3, strides=4, padding="same", activation="relu")(attacked)
e = layers.GlobalAveragePooling2D()(e)
bits = layers.Dense(WM_BITS, activation="sigmoid")(e)
model = keras.Model([img_in, wm_in], [marked, bits])
model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"])

model.fit([images, watermarks], [images, watermarks], batch_size=8, epochs=2, verbose=0)
print("trained")
