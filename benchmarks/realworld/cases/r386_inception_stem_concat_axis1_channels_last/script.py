"""Inception-v4 style stem for small RGB images (channels-last TensorFlow backend)."""
import numpy as np
import keras
from keras import layers

CHANNEL_AXIS = 1
NUM_CLASSES = 5


def conv_bn(x, filters, size, strides=1, padding="same"):
    x = layers.Conv2D(filters, size, strides=strides, padding=padding, use_bias=False)(x)
    x = layers.BatchNormalization(axis=CHANNEL_AXIS)(x)
    return layers.Activation("relu")(x)


def stem(inputs):
    x = conv_bn(inputs, 32, 3, strides=2, padding="valid")
    x = conv_bn(x, 32, 3, padding="valid")
    x = conv_bn(x, 64, 3)
    pooled = layers.MaxPooling2D(3, strides=2, padding="valid")(x)
    strided = conv_bn(x, 96, 3, strides=2, padding="valid")
    return layers.concatenate([pooled, strided], axis=CHANNEL_AXIS)


inputs = keras.Input(shape=(75, 75, 3))
x = stem(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(1)
images = rng.random((32, 75, 75, 3)).astype("float32")
targets = rng.integers(0, NUM_CLASSES, size=32)
model.fit(images, targets, batch_size=8, epochs=1, verbose=0)
print(model.predict(images[:2], verbose=0).shape)
