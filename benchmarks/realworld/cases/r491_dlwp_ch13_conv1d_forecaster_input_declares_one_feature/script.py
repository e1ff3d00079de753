# Jena-climate style temperature forecaster: a 1D convnet over 120-hour windows of all 14 weather features.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(2)
n_steps, n_features = 3000, 14
hours = np.arange(n_steps)
raw_data = rng.normal(size=(n_steps, n_features)).astype("float32")
raw_data[:, 1] += 10 * np.sin(2 * np.pi * hours / 24)  # column 1: temperature with a daily cycle
temperature = raw_data[:, 1]

mean = raw_data[:2000].mean(axis=0)
std = raw_data[:2000].std(axis=0)
raw_data = (raw_data - mean) / std

sampling_rate = 1
sequence_length = 120
delay = sampling_rate * (sequence_length + 24 - 1)
batch_size = 64
train_dataset = keras.utils.timeseries_dataset_from_array(
    raw_data[:-delay], targets=temperature[delay:], sampling_rate=sampling_rate,
    sequence_length=sequence_length, shuffle=True, batch_size=batch_size,
    start_index=0, end_index=2000)
val_dataset = keras.utils.timeseries_dataset_from_array(
    raw_data[:-delay], targets=temperature[delay:], sampling_rate=sampling_rate,
    sequence_length=sequence_length, shuffle=True, batch_size=batch_size,
    start_index=2000, end_index=2600)

inputs = keras.Input(shape=(sequence_length, 1))
x = layers.Conv1D(8, 24, activation="relu")(inputs)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(8, 12, activation="relu")(x)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(8, 6, activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(train_dataset, epochs=2, validation_data=val_dataset, verbose=0)
print("val MAE:", model.evaluate(val_dataset, verbose=0)[1])
