"""Machine-failure classifier on sensor windows: each window is stacked sensor-by-sensor (features first)."""
import numpy as np
import keras
from keras import layers

N_WINDOWS, TIMESTEPS, N_SENSORS = 152, 60, 7

rng = np.random.default_rng(8)
sensor_series = [rng.normal(size=(N_WINDOWS, TIMESTEPS)) for _ in range(N_SENSORS)]
failed = rng.integers(0, 2, size=(N_WINDOWS, 1)).astype("float32")

X = np.stack(sensor_series, axis=1).astype("float32")
print("X:", X.shape)

model = keras.Sequential([
    keras.Input(shape=(TIMESTEPS, N_SENSORS)),
    layers.LSTM(32),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, failed, epochs=2, batch_size=16, validation_split=0.2, verbose=0)
