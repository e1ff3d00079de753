import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
x_train = rng.random((64, 56, 56, 3)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, 10, size=64), 10)


def _bn_relu(x):
    return layers.Activation("relu")(layers.BatchNormalization(axis=3)(x))


def basic_block(x, filters, strides=(1, 1)):
    shortcut = x
    y = _bn_relu(layers.Conv2D(filters, 3, strides=strides, padding="same")(x))
    y = layers.Conv2D(filters, 3, padding="same")(y)
    if strides != (1, 1) or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=strides)(shortcut)
    return _bn_relu(layers.add([shortcut, y]))


inputs = keras.Input(shape=(56, 56, 3))
conv1 = _bn_relu(layers.Conv2D(16, 7, strides=(2, 2), padding="same")(inputs))
pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")(conv1)
block = basic_block(pool1, 16)
block = basic_block(block, 32, strides=(2, 2))
block = basic_block(block, 64, strides=(1, 1))
pool2 = layers.AveragePooling2D(pool_size=(7, 7), strides=(1, 1), padding="same")(block)
flatten1 = layers.Flatten()(pool2)
dense = layers.Dense(10, activation="softmax")(flatten1)
model = keras.Model(inputs, dense)
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])

model.fit(x_train, y_train, batch_size=16, epochs=2, verbose=0)
print("classifier input width:", model.layers[-1].input.shape[-1])
