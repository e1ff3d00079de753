"""Wind-turbine power regressor: the operating hours of the turbine (one value
per sample, read from a single table column) are joined with the two ambient
features (temperature, humidity) into three inputs for the regression head."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(14)
n = 1024
hours = rng.random(n).astype("float32")                  # table column -> shape (1024,)
ambient = rng.random((n, 2)).astype("float32")           # shape (1024, 2)
power = rng.random((n, 1)).astype("float32")

hours_in = keras.Input(shape=(), name="hours")
ambient_in = keras.Input(shape=(2,), name="ambient")
features = layers.Concatenate(axis=1)([hours_in, ambient_in])   # wanted: (None, 3)
hidden = layers.Dense(16, activation="relu")(features)
out = layers.Dense(1)(hidden)
model = keras.Model([hours_in, ambient_in], out)
model.compile(optimizer="adam", loss="mse")
model.fit({"hours": hours, "ambient": ambient}, power, batch_size=64, epochs=2, verbose=0)
