"""Digit classifier (a small residual CNN) evaluated on test rows that were never reshaped to images."""
import os
import tempfile

import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(6)
train_flat = rng.integers(0, 256, size=(256, 784)).astype("uint8")
train_labels = rng.integers(0, 10, size=256)
test_flat = rng.integers(0, 256, size=(200, 784)).astype("uint8")
test_labels = rng.integers(0, 10, size=200)

x_train = train_flat.reshape(train_flat.shape[0], 28, 28, 1).astype("float32") / 255.0
y_train = keras.utils.to_categorical(train_labels, 10)
x_test = test_flat.astype("float32") / 255.0
y_test = keras.utils.to_categorical(test_labels, 10)


def residual_unit(x, filters):
    shortcut = x
    y = layers.BatchNormalization()(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    return layers.Add()([shortcut, y])


inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(16, 3, padding="same")(inputs)
x = residual_unit(x, 16)
x = residual_unit(x, 16)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=1, verbose=0)

path = os.path.join(tempfile.mkdtemp(), "resnet_digits.keras")
model.save(path)
restored = keras.models.load_model(path)
score = restored.evaluate(x_test, y_test, verbose=0)
print("test loss / accuracy:", score)
