# EDSR-style super-resolution network (fully convolutional, x2 upscaling) applied to one low-resolution test image.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

scale, n_feats, n_blocks = 2, 32, 4


def res_block(x):
    y = layers.Conv2D(n_feats, 3, padding="same", activation="relu")(x)
    y = layers.Conv2D(n_feats, 3, padding="same")(y)
    y = layers.Lambda(lambda t: t * 0.1)(y)
    return layers.Add()([x, y])


inp = keras.Input(shape=(None, None, 3))
x = layers.Rescaling(1.0 / 255)(inp)
x = skip = layers.Conv2D(n_feats, 3, padding="same")(x)
for _ in range(n_blocks):
    x = res_block(x)
x = layers.Add()([skip, layers.Conv2D(n_feats, 3, padding="same")(x)])
x = layers.Conv2D(3 * scale ** 2, 3, padding="same")(x)
x = layers.Lambda(lambda t: tf.nn.depth_to_space(t, scale))(x)  # pixel shuffle
out = layers.Rescaling(255.0)(x)
network = keras.Model(inp, out)

rng = np.random.default_rng(41)
x_lr = rng.integers(0, 256, size=(50, 50, 3)).astype("float32")  # one low-resolution test image
outputs = network.predict(x_lr, verbose=0)
print("super-resolved:", outputs.shape)
