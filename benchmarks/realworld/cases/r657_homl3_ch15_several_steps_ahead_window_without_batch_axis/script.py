# Forecasting daily rail ridership with a univariate RNN (Hands-On ML 3, chapter 15
# style), then forecasting 14 days ahead one step at a time by appending each
# prediction to the input window.
import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(15)
days = np.arange(400)
ridership = (0.6 + 0.2 * np.sin(2 * np.pi * days / 7) + 0.05 * rng.normal(size=400)).astype("float32")
rail_train, rail_valid = ridership[:300], ridership[300:]

seq_length = 56
train_ds = keras.utils.timeseries_dataset_from_array(
    rail_train, targets=rail_train[seq_length:], sequence_length=seq_length,
    batch_size=32, shuffle=True, seed=42)
valid_ds = keras.utils.timeseries_dataset_from_array(
    rail_valid, targets=rail_valid[seq_length:], sequence_length=seq_length, batch_size=32)


def add_feature_axis(windows, targets):
    return windows[..., tf.newaxis], targets


train_ds = train_ds.map(add_feature_axis)
valid_ds = valid_ds.map(add_feature_axis)

univar_model = keras.Sequential([
    keras.Input(shape=[None, 1]),
    keras.layers.SimpleRNN(32),
    keras.layers.Dense(1),
])
univar_model.compile(loss=keras.losses.Huber(), optimizer=keras.optimizers.SGD(0.02, momentum=0.9),
                     metrics=["mae"])
univar_model.fit(train_ds, validation_data=valid_ds, epochs=2, verbose=0)

X = rail_valid[:seq_length, np.newaxis]
for step_ahead in range(14):
    y_pred_one = univar_model.predict(X, verbose=0).reshape(1, 1, 1)
    X = np.concatenate([X, y_pred_one], axis=1)

print("14-day forecast:", X[0, -14:, 0])
