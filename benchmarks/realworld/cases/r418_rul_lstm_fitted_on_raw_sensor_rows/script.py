import numpy as np
import keras
from keras import layers

window, n_sensors = 50, 24
rng = np.random.default_rng(4)
cycles = 600
sensors = rng.normal(size=(cycles, n_sensors)).astype("float32")
rul = np.linspace(cycles, 1, cycles).astype("float32") / cycles


def make_windows(rows, targets, length):
    """Every run of `length` consecutive cycles is one sample, labelled with the RUL at its last cycle."""
    x = np.stack([rows[i:i + length] for i in range(len(rows) - length + 1)])
    return x, targets[length - 1:]


model = keras.Sequential([
    keras.Input(shape=(window, n_sensors)),
    layers.LSTM(32, return_sequences=True),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")

x_train, y_train = sensors, rul
model.fit(x_train, y_train, epochs=1, batch_size=64, verbose=0)
