# Temperature forecasting 24 hours ahead from hourly-sampled weather windows (Deep
# Learning with Python style): the normalized weather table is cut into windows
# with timeseries_dataset_from_array and an LSTM(16) predicts one temperature.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(707)
steps = 3000
t = np.arange(steps)
raw_data = np.stack([
    1000 + 5 * np.sin(t / 300) + rng.normal(size=steps),   # pressure
    10 + 8 * np.sin(t / 144) + rng.normal(size=steps),     # temperature
    60 + 20 * np.cos(t / 144) + rng.normal(size=steps),    # humidity
    3 + rng.random(steps),                                 # wind speed
    rng.random(steps) * 360,                               # wind direction
    8 + rng.normal(size=steps),                            # vapour pressure
], axis=-1).astype("float32")
temperature = raw_data[:, 1].copy()

num_train_samples = int(0.5 * steps)
num_val_samples = int(0.25 * steps)
mean = raw_data[:num_train_samples].mean(axis=0)
raw_data -= mean
std = raw_data[:num_train_samples].std(axis=0)
raw_data /= std

sampling_rate = 6
sequence_length = 20
delay = sampling_rate * (sequence_length + 24 - 1)
batch_size = 64
train_dataset = keras.utils.timeseries_dataset_from_array(
    raw_data[:-delay], targets=raw_data[delay:], sampling_rate=sampling_rate,
    sequence_length=sequence_length, shuffle=True, batch_size=batch_size,
    start_index=0, end_index=num_train_samples)
val_dataset = keras.utils.timeseries_dataset_from_array(
    raw_data[:-delay], targets=raw_data[delay:], sampling_rate=sampling_rate,
    sequence_length=sequence_length, shuffle=True, batch_size=batch_size,
    start_index=num_train_samples, end_index=num_train_samples + num_val_samples)

inputs = keras.Input(shape=(sequence_length, raw_data.shape[-1]))
x = layers.LSTM(16)(inputs)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
history = model.fit(train_dataset, epochs=2, validation_data=val_dataset, verbose=0)
print("val mae:", history.history["val_mae"])
