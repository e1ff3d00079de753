# ESPCN-style super-resolution on the luma (Y) channel: low-resolution Y crops go in,
# a few convolutions end in channels * r**2 feature maps, and a depth_to_space
# (sub-pixel) shuffle rearranges them into the r-times larger Y image.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

crop = 48
upscale = 3
small = crop // upscale

gen = np.random.default_rng(798)
photos = gen.random((24, crop, crop, 3)).astype("float32")


def to_luma(rgb):
    yuv = tf.image.rgb_to_yuv(rgb)
    y, _, _ = tf.split(yuv, 3, axis=-1)
    return y


def make_pair(rgb):
    y = to_luma(rgb)
    return tf.image.resize(y, [small, small], method="area"), y


pairs = (
    tf.data.Dataset.from_tensor_slices(photos)
    .map(make_pair)
    .batch(8)
    .prefetch(tf.data.AUTOTUNE)
)


class DepthToSpace(layers.Layer):
    def __init__(self, block, **kwargs):
        super().__init__(**kwargs)
        self.block = block

    def call(self, t):
        return tf.nn.depth_to_space(t, self.block)


def espcn(upscale_factor=3, channels=1):
    conv_args = {"activation": "relu", "kernel_initializer": "orthogonal", "padding": "same"}
    low_res = keras.Input(shape=(None, None, channels))
    t = layers.Conv2D(64, 5, **conv_args)(low_res)
    t = layers.Conv2D(64, 3, **conv_args)(t)
    t = layers.Conv2D(32, 3, **conv_args)(t)
    t = layers.Conv2D(3 * (upscale_factor ** 2), 3, **conv_args)(t)
    high_res = DepthToSpace(upscale_factor)(t)
    return keras.Model(low_res, high_res)


sr_net = espcn(upscale_factor=upscale, channels=1)
sr_net.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss=keras.losses.MeanSquaredError())
history = sr_net.fit(pairs, epochs=2, verbose=0)
print("mse", history.history["loss"][-1])

low = next(iter(pairs))[0][:1]
print("upscaled", sr_net.predict(low, verbose=0).shape)
