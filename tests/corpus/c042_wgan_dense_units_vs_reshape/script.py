import numpy as np
import keras
from keras import layers

noise_dim = 128


def upsample_block(x, filters):
    x = layers.UpSampling2D((2, 2))(x)
    x = layers.Conv2D(filters, (3, 3), padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.LeakyReLU(0.2)(x)


# WGAN-GP generator: project the noise to a 4x4x256 map, then upsample to 32x32.
noise = layers.Input(shape=(noise_dim,))
x = layers.Dense(4 * 4 * 128, use_bias=False)(noise)
x = layers.BatchNormalization()(x)
x = layers.LeakyReLU(0.2)(x)
x = layers.Reshape((4, 4, 256))(x)
x = upsample_block(x, 128)
x = upsample_block(x, 64)
x = upsample_block(x, 1)
x = layers.Cropping2D((2, 2))(x)
g_model = keras.Model(noise, x, name="generator")
g_model.summary()
