# Fashion-MNIST CNN in the Hands-On ML style: a functools.partial gives every
# convolution the same defaults, then three conv/pool stages, a Flatten and an
# MLP head with dropout.
from functools import partial
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(701)
garments = rng.random((64, 28, 28, 1)).astype("float32")
garment_labels = rng.integers(0, 10, size=64)

ConvBlock = partial(tf.keras.layers.Conv2D, kernel_size=3,
                    activation="relu", kernel_initializer="he_normal")
cnn = tf.keras.Sequential([
    tf.keras.Input(shape=(28, 28, 1)),
    ConvBlock(filters=32, kernel_size=7),
    tf.keras.layers.MaxPool2D(),
    ConvBlock(filters=64),
    ConvBlock(filters=64),
    tf.keras.layers.MaxPool2D(),
    ConvBlock(filters=128),
    ConvBlock(filters=128),
    tf.keras.layers.MaxPool2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(units=64, activation="relu", kernel_initializer="he_normal"),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(units=32, activation="relu", kernel_initializer="he_normal"),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(units=10, activation="softmax"),
])
cnn.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
cnn.fit(garments, garment_labels, epochs=1, batch_size=16, verbose=0)
