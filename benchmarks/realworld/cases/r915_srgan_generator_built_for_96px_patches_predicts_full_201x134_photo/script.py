import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(5)
lr_shape = (96, 96, 3)
hr_patches = rng.random((4, 384, 384, 3)).astype("float32")
lr_patches = hr_patches[:, ::4, ::4, :]


def res_block(t):
    h = layers.Conv2D(16, 3, padding="same")(t)
    h = layers.BatchNormalization(momentum=0.5)(h)
    h = layers.PReLU(shared_axes=[1, 2])(h)
    h = layers.Conv2D(16, 3, padding="same")(h)
    h = layers.BatchNormalization(momentum=0.5)(h)
    return layers.add([t, h])


def up_block(t):
    h = layers.Conv2D(32, 3, padding="same")(t)
    h = layers.UpSampling2D(size=2)(h)
    return layers.LeakyReLU(0.2)(h)


gen_in = keras.Input(shape=lr_shape)
g = layers.Conv2D(16, 9, padding="same")(gen_in)
g = layers.PReLU(shared_axes=[1, 2])(g)
skip = g
for _ in range(2):
    g = res_block(g)
g = layers.Conv2D(16, 3, padding="same")(g)
g = layers.BatchNormalization(momentum=0.5)(g)
g = layers.add([skip, g])
for _ in range(2):
    g = up_block(g)
sr_out = layers.Conv2D(3, 9, padding="same", activation="tanh")(g)
generator = keras.Model(gen_in, sr_out)
generator.compile(optimizer="adam", loss="mse")
generator.fit(lr_patches, hr_patches, batch_size=2, epochs=1, verbose=0)

# super-resolve one of my own photos
photo = rng.random((201, 134, 3)).astype("float32")
sr = generator.predict(np.expand_dims(photo, axis=0), verbose=0)
print("sr image", sr.shape)
