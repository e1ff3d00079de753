import numpy as np
import keras
from keras import layers

# Handwritten letters a-z (26 classes) as integer ids 0..25,
# but the classifier head was copied from a digits (10-class) model.
x_train = np.random.rand(52, 8, 8, 1).astype("float32")
y_train = np.arange(52) % 26

model = keras.Sequential([
    keras.Input(shape=(8, 8, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=13, verbose=0)
