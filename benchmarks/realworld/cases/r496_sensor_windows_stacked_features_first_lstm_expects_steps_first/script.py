# Predict a process outcome from 169 hourly readings of 7 sensors with an LSTM.
import numpy as np
import keras
from keras import layers

n_runs, n_hours, n_sensors = 152, 169, 7
rng = np.random.default_rng(46076)

# one (runs, hours) table per sensor, as read from the plant historian
sensor_tables = [rng.standard_normal((n_runs, n_hours)).astype("float32") for _ in range(n_sensors)]
outcome = rng.random((n_runs, 1)).astype("float32")

X = np.stack(sensor_tables, axis=1)
print("X shape:", X.shape)

model = keras.Sequential([
    keras.Input(shape=(n_hours, n_sensors)),
    layers.LSTM(32),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, outcome, epochs=2, batch_size=32, validation_split=0.2, verbose=0)
print(model.evaluate(X, outcome, verbose=0))
