import numpy as np
import tensorflow as tf
import keras
from keras import layers

scale = 2
num_filters = 16
lr_images = np.random.rand(8, 12, 12, 3).astype("float32")
hr_images = np.random.rand(8, 24, 24, 3).astype("float32")


class PixelShuffle(layers.Layer):
    def __init__(self, scale, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, x):
        return tf.nn.depth_to_space(x, self.scale)


def res_block(x_in, filters, expansion=4):
    x = layers.Conv2D(filters * expansion, 3, padding="same", activation="relu")(x_in)
    x = layers.Conv2D(filters, 3, padding="same")(x)
    return layers.Add()([x_in, x])


def wdsr(scale, num_filters, num_res_blocks):
    x_in = layers.Input(shape=(None, None, 3))
    m = layers.Conv2D(num_filters, 3, padding="same")(x_in)
    for _ in range(num_res_blocks):
        m = res_block(m, num_filters)
    m = layers.Conv2D(3 * scale, 3, padding="same")(m)
    m = PixelShuffle(scale)(m)
    s = layers.Conv2D(3 * scale ** 2, 5, padding="same")(x_in)
    s = PixelShuffle(scale)(s)
    x = layers.Add()([m, s])
    return keras.Model(x_in, x, name="wdsr")


model = wdsr(scale, num_filters, num_res_blocks=2)
model.compile(optimizer="adam", loss="mae")
model.fit(lr_images, hr_images, epochs=1, batch_size=4, verbose=0)
