# One-day-ahead temperature forecaster: hourly readings of five normalized
# weather variables are windowed with timeseries_dataset_from_array, and each
# window is paired with the (unnormalized) temperature one day after its end.
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(143)
hours = 2400
clock = np.arange(hours)
readings = np.stack([
    12 + 7 * np.sin(clock / 120) + gen.normal(size=hours),    # air temperature
    990 + 4 * np.cos(clock / 400) + gen.normal(size=hours),   # pressure
    55 + 15 * np.sin(clock / 120 + 1) + gen.normal(size=hours),
    2 + gen.random(hours),
    gen.random(hours) * 360,
], axis=-1).astype("float32")
air_temp = readings[:, 0].copy()

n_train = hours // 2
n_val = hours // 4
readings = (readings - readings[:n_train].mean(axis=0)) / readings[:n_train].std(axis=0)

step = 4
window = 16
horizon = step * (window + 24 - 1)
train_windows = keras.utils.timeseries_dataset_from_array(
    readings[:-horizon], targets=air_temp[horizon:], sampling_rate=step,
    sequence_length=window, shuffle=True, batch_size=32, start_index=0, end_index=n_train)
val_windows = keras.utils.timeseries_dataset_from_array(
    readings[:-horizon], targets=air_temp[horizon:], sampling_rate=step,
    sequence_length=window, shuffle=False, batch_size=32,
    start_index=n_train, end_index=n_train + n_val)

seq_in = keras.Input(shape=(window, readings.shape[-1]))
summary = layers.LSTM(12)(seq_in)
forecast = layers.Dense(1)(summary)
forecaster = keras.Model(seq_in, forecast)
forecaster.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
log = forecaster.fit(train_windows, validation_data=val_windows, epochs=2, verbose=0)
for xb, yb in train_windows.take(1):
    print(xb.shape, yb.shape, "val mae", round(log.history["val_mae"][-1], 2))
