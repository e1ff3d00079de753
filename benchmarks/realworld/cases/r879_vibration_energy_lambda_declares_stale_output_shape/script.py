import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
n_windows = 240
# mean acceleration per axis (x, y, z) for each vibration window
accel = rng.normal(size=(n_windows, 3)).astype("float32")
energy = (accel ** 2).sum(axis=1, keepdims=True) + 0.05 * rng.normal(size=(n_windows, 1)).astype("float32")

axes_in = keras.Input(shape=(3,), name="accel")
squared = layers.Lambda(lambda t: t ** 2, output_shape=(6,), name="square_axes")(axes_in)
h = layers.Dense(16, activation="relu")(squared)
h = layers.Dense(8, activation="relu")(h)
energy_out = layers.Dense(1)(h)
regressor = keras.Model(axes_in, energy_out)
regressor.compile(optimizer="adam", loss="mse")

history = regressor.fit(accel, energy, batch_size=32, epochs=2, verbose=0)
print("final loss", history.history["loss"][-1])
