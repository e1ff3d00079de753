# Small 3-D ResNet (basic blocks) for classifying CT patches. The shortcut of each block
# infers its stride from the ratio of the input and residual sizes, and adds a strided
# 1x1x1 projection when the size or the channel count changes.
import numpy as np
import keras
from keras import layers

PATCH = 28


def shortcut3d(block_in, residual):
    stride = block_in.shape[1] // residual.shape[1]
    shortcut = block_in
    if stride > 1 or block_in.shape[-1] != residual.shape[-1]:
        shortcut = layers.Conv3D(residual.shape[-1], 1, strides=stride, padding="valid")(block_in)
    return layers.add([shortcut, residual])


def basic_block(x, filters, strides):
    y = layers.Conv3D(filters, 3, strides=strides, padding="same", activation="relu")(x)
    y = layers.Conv3D(filters, 3, padding="same")(y)
    return shortcut3d(x, y)


volume = keras.Input(shape=(PATCH, PATCH, PATCH, 1))
x = layers.Conv3D(8, 7, strides=2, padding="same", activation="relu")(volume)
x = layers.MaxPooling3D(3, strides=2, padding="same")(x)
filters = 8
for stage in range(3):
    x = basic_block(x, filters, strides=1 if stage == 0 else 2)
    filters *= 2
x = layers.GlobalAveragePooling3D()(x)
out = layers.Dense(1, activation="sigmoid")(x)
resnet3d = keras.Model(volume, out)
resnet3d.compile(optimizer="adam", loss="binary_crossentropy")

rng = np.random.default_rng(1)
patches = rng.random((8, PATCH, PATCH, PATCH, 1)).astype("float32")
labels = rng.integers(0, 2, size=(8, 1))
resnet3d.fit(patches, labels, batch_size=4, epochs=1, verbose=0)
