import numpy as np
import keras
from keras import layers

# Credit default (0/1) from 15 account features.
x = np.random.rand(64, 15).astype("float32")
y = np.random.randint(0, 2, size=(64,))

model = keras.Sequential([
    keras.Input(shape=(15,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=2, batch_size=16, verbose=0)
