# Weather forecaster with two stacked recurrent layers: windows of the last 24 hourly
# readings of 6 sensors (standardized), target the temperature 6 hours after the window.
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(13)
readings = gen.normal(size=(600, 6)).astype("float32")
readings = (readings - readings.mean(axis=0)) / readings.std(axis=0)
temperature = readings[:, 1]

window = 24
horizon = 6
delay = window + horizon - 1
train_ds = keras.utils.timeseries_dataset_from_array(
    readings[:-delay], targets=temperature[delay:], sequence_length=window,
    batch_size=32, shuffle=True, end_index=400)
val_ds = keras.utils.timeseries_dataset_from_array(
    readings[:-delay], targets=temperature[delay:], sequence_length=window,
    batch_size=32, start_index=400)

inputs = keras.Input(shape=(window, readings.shape[-1]))
x = layers.GRU(32, recurrent_dropout=0.5)(inputs)
x = layers.GRU(32, recurrent_dropout=0.5)(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1)(x)
forecaster = keras.Model(inputs, outputs)

forecaster.compile(optimizer="adam", loss="mse", metrics=["mae"])
history = forecaster.fit(train_ds, epochs=1, validation_data=val_ds, verbose=0)
print(history.history["val_mae"])
