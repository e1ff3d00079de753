# Jena-style temperature forecasting: a densely connected baseline that flattens each window of readings.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
num_steps, num_features = 3000, 14
raw_data = rng.normal(size=(num_steps, num_features)).astype("float32")
temperature = raw_data[:, 1] * 8.0 + 10.0

num_train_samples = int(0.5 * num_steps)
num_val_samples = int(0.25 * num_steps)

sampling_rate = 6
sequence_length = 20
delay = sampling_rate * (sequence_length + 24 - 1)
batch_size = 64

train_dataset = keras.utils.timeseries_dataset_from_array(
    raw_data[:-delay], targets=temperature[delay:],
    sampling_rate=sampling_rate, sequence_length=sequence_length,
    shuffle=True, batch_size=batch_size,
    start_index=0, end_index=num_train_samples)
val_dataset = keras.utils.timeseries_dataset_from_array(
    raw_data[:-delay], targets=temperature[delay:],
    sampling_rate=sampling_rate, sequence_length=sequence_length,
    shuffle=True, batch_size=batch_size,
    start_index=num_train_samples, end_index=num_train_samples + num_val_samples)

inputs = keras.Input(shape=(sequence_length, raw_data.shape[-1]))
x = layers.Flatten()(inputs)
x = layers.Dense(16, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="mse", metrics=["mae"])
history = model.fit(train_dataset, epochs=2, validation_data=val_dataset, verbose=0)
print("val mae:", history.history["val_mae"][-1])
print("prediction shape for one batch:", model.predict(next(iter(val_dataset))[0], verbose=0).shape)
