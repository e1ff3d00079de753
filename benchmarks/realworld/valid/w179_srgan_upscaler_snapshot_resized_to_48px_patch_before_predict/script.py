import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(17)
patch = 48
scale = 4
hr_tiles = rng.random((6, patch * scale, patch * scale, 3)).astype("float32")
lr_tiles = tf.image.resize(hr_tiles, (patch, patch), method="area").numpy()


def residual(t, filters):
    y = layers.Conv2D(filters, 3, padding="same")(t)
    y = layers.BatchNormalization()(y)
    y = layers.PReLU(shared_axes=[1, 2])(y)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    y = layers.BatchNormalization()(y)
    return layers.add([t, y])


lr_in = keras.Input(shape=(patch, patch, 3))
h = layers.Conv2D(12, 9, padding="same")(lr_in)
h = layers.PReLU(shared_axes=[1, 2])(h)
head = h
h = residual(h, 12)
h = layers.Conv2D(12, 3, padding="same")(h)
h = layers.add([head, h])
for _ in range(2):
    h = layers.Conv2D(24, 3, padding="same")(h)
    h = layers.UpSampling2D(2)(h)
    h = layers.LeakyReLU(0.2)(h)
sr = layers.Conv2D(3, 9, padding="same", activation="tanh")(h)
upscaler = keras.Model(lr_in, sr)
upscaler.compile(optimizer=keras.optimizers.Adam(1e-4), loss="mse")
upscaler.fit(lr_tiles, hr_tiles, batch_size=3, epochs=1, verbose=0)

# a holiday snapshot of another size: bring it to the generator's input size first
snapshot = rng.random((150, 211, 3)).astype("float32")
small = tf.image.resize(snapshot, (patch, patch)).numpy()
upscaled = upscaler.predict(small[np.newaxis], verbose=0)
print("upscaled", upscaled.shape)
