import numpy as np
import keras
from keras import layers


def downsample(x, filters):
    x = layers.Conv2D(filters, 3, strides=2, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


# CIFAR-sized input, classifier head copied from a 224x224 network.
inputs = keras.Input(shape=(32, 32, 3))
x = downsample(inputs, 32)
x = downsample(x, 64)
x = downsample(x, 128)
x = layers.AveragePooling2D(pool_size=7)(x)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
