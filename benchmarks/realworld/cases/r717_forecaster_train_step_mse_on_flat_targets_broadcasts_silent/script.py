# Walk-forward forecaster for an hourly load series: a subclassed Keras model (Conv1D +
# GRU encoder, linear head with PRED_LEN outputs) trained with its own train_step and a
# hand-written MSE. The target loader returns the next PRED_LEN values of each window,
# squeezed to a flat vector of shape (batch,) when PRED_LEN is 1.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

LOOKBACK = 48
PRED_LEN = 1


def make_windows(series, lookback, pred_len):
    xs, ys = [], []
    for start in range(len(series) - lookback - pred_len + 1):
        xs.append(series[start:start + lookback])
        ys.append(series[start + lookback:start + lookback + pred_len])
    return np.array(xs)[..., None], np.array(ys).squeeze()


class LoadForecaster(keras.Model):
    def __init__(self, pred_len):
        super().__init__()
        self.conv = layers.Conv1D(16, 5, padding="causal", activation="relu")
        self.gru = layers.GRU(32)
        self.head = layers.Dense(pred_len)
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def call(self, windows):
        return self.head(self.gru(self.conv(windows)))

    def train_step(self, data):
        x_batch, y_batch = data
        with tf.GradientTape() as tape:
            pred = self(x_batch, training=True)
            loss = ops.mean(ops.square(pred - y_batch))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    @property
    def metrics(self):
        return [self.loss_tracker]


hours = np.arange(600, dtype="float32")
load = (np.sin(2 * np.pi * hours / 24) + 0.1 * np.random.default_rng(926).normal(size=600)).astype("float32")
x_train, y_train = make_windows(load, LOOKBACK, PRED_LEN)

forecaster = LoadForecaster(PRED_LEN)
forecaster.compile(optimizer=keras.optimizers.Adam(1e-3))
forecaster.fit(x_train, y_train, batch_size=64, epochs=2, verbose=0)
print(forecaster.predict(x_train[-3:], verbose=0).shape)
