# BitPredict-style forecasting (course notebook): daily prices are cut into windows
# of 7 days with the next day as label, a dense model is fit, and its test
# predictions are scored with MAE, MSE, RMSE, MAPE and a hand-written MASE.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(21)
prices = (1000 + np.cumsum(rng.normal(2, 25, 700))).astype("float32")
HORIZON, WINDOW_SIZE = 1, 7


def make_windows(x, window_size=7, horizon=1):
    window_step = np.expand_dims(np.arange(window_size + horizon), axis=0)
    window_indexes = window_step + np.expand_dims(np.arange(len(x) - (window_size + horizon - 1)), axis=0).T
    windowed_array = x[window_indexes]
    return windowed_array[:, :-horizon], windowed_array[:, -horizon:]


def mean_absolute_scaled_error(y_true, y_pred):
    mae = tf.reduce_mean(tf.abs(y_true - y_pred))
    mae_naive_no_season = tf.reduce_mean(tf.abs(y_true[1:] - y_true[:-1]))
    return mae / mae_naive_no_season


def evaluate_preds(y_true, y_pred):
    y_true = tf.cast(y_true, dtype=tf.float32)
    y_pred = tf.cast(y_pred, dtype=tf.float32)
    mae = keras.metrics.mean_absolute_error(y_true, y_pred)
    mse = keras.metrics.mean_squared_error(y_true, y_pred)
    mape = keras.metrics.mean_absolute_percentage_error(y_true, y_pred)
    mase = mean_absolute_scaled_error(y_true, y_pred)
    return {"mae": mae.numpy(), "mse": mse.numpy(), "rmse": tf.sqrt(mse).numpy(),
            "mape": mape.numpy(), "mase": mase.numpy()}


def make_preds(model, input_data):
    forecast = model.predict(input_data, verbose=0)
    return tf.squeeze(forecast)


full_windows, full_labels = make_windows(prices, window_size=WINDOW_SIZE, horizon=HORIZON)
split_size = int(len(full_windows) * 0.8)
train_windows, test_windows = full_windows[:split_size], full_windows[split_size:]
train_labels, test_labels = full_labels[:split_size], full_labels[split_size:]

model_1 = keras.Sequential([
    keras.Input(shape=(WINDOW_SIZE,)),
    layers.Dense(128, activation="relu"),
    layers.Dense(HORIZON, activation="linear"),
])
model_1.compile(loss="mae", optimizer=keras.optimizers.Adam(), metrics=["mae"])
model_1.fit(train_windows, train_labels, epochs=2, batch_size=128, verbose=0,
            validation_data=(test_windows, test_labels))

model_1_preds = make_preds(model_1, test_windows)
model_1_results = evaluate_preds(y_true=test_labels, y_pred=model_1_preds)
print({k: np.shape(v) for k, v in model_1_results.items()})
print("MASE:", model_1_results["mase"])
