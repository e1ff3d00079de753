# The chapter's Fashion-MNIST CNN reused on a folder of small RGB product photos (32x32x3).
from functools import partial

import numpy as np
import keras

rng = np.random.default_rng(42)
X_train = rng.random((300, 32, 32, 3)).astype(np.float32)
y_train = rng.integers(0, 10, size=(300,))
X_valid = rng.random((60, 32, 32, 3)).astype(np.float32)
y_valid = rng.integers(0, 10, size=(60,))

keras.utils.set_random_seed(42)
DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3, padding="same",
                        activation="relu", kernel_initializer="he_normal")
model = keras.Sequential([
    keras.Input(shape=[28, 28, 1]),
    DefaultConv2D(filters=16, kernel_size=7),
    keras.layers.MaxPool2D(),
    DefaultConv2D(filters=32),
    DefaultConv2D(filters=32),
    keras.layers.MaxPool2D(),
    DefaultConv2D(filters=64),
    DefaultConv2D(filters=64),
    keras.layers.MaxPool2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(units=64, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(units=32, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(units=10, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
history = model.fit(X_train, y_train, epochs=2, validation_data=(X_valid, y_valid), verbose=0)
y_pred = model.predict(X_valid[:10], verbose=0)
print(y_pred.argmax(axis=1))
