# Forecast a wind turbine's next-hour power from 96 hourly readings of 5 sensors with an LSTM.
import numpy as np
import keras
from keras import layers

n_turbines, n_steps, n_channels = 120, 96, 5
rng = np.random.default_rng(109)

channel_tables = [rng.standard_normal((n_turbines, n_steps)).astype("float32") for _ in range(n_channels)]
power = rng.random((n_turbines, 1)).astype("float32")

windows = np.stack(channel_tables, axis=-1)  # (turbines, steps, channels)
print("windows shape:", windows.shape)

forecaster = keras.Sequential([
    keras.Input(shape=(n_steps, n_channels)),
    layers.LSTM(24),
    layers.Dense(8, activation="relu"),
    layers.Dense(1),
])
forecaster.compile(optimizer="adam", loss="mse")
forecaster.fit(windows, power, epochs=2, batch_size=24, validation_split=0.2, verbose=0)
print(forecaster.evaluate(windows, power, verbose=0))
