# Day-ahead solar-output forecaster: a subclassed Keras model (Conv1D + GRU encoder and a
# linear head with HORIZON outputs) trained with an overridden train_step and a
# hand-written mean squared error. The window loader squeezes the targets when the
# horizon is one step, so train_step reshapes them to the prediction's shape before the
# subtraction (a no-op when the shapes already match).
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

WINDOW = 36
HORIZON = 1


def sliding_windows(series, window, horizon):
    inputs, targets = [], []
    for i in range(len(series) - window - horizon + 1):
        inputs.append(series[i:i + window])
        targets.append(series[i + window:i + window + horizon])
    return np.array(inputs)[..., None], np.array(targets).squeeze()


class SolarForecaster(keras.Model):
    def __init__(self, horizon):
        super().__init__()
        self.encoder_conv = layers.Conv1D(12, 4, padding="causal", activation="relu")
        self.encoder_gru = layers.GRU(24)
        self.out = layers.Dense(horizon)
        self.mse_tracker = keras.metrics.Mean(name="loss")

    def call(self, windows):
        return self.out(self.encoder_gru(self.encoder_conv(windows)))

    def train_step(self, data):
        windows, targets = data
        with tf.GradientTape() as tape:
            forecast = self(windows, training=True)
            targets = ops.reshape(targets, ops.shape(forecast))
            loss = ops.mean(ops.square(forecast - targets))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.mse_tracker.update_state(loss)
        return {"loss": self.mse_tracker.result()}

    @property
    def metrics(self):
        return [self.mse_tracker]


t = np.arange(480, dtype="float32")
output = np.clip(np.sin(2 * np.pi * t / 24), 0, None) + 0.05 * np.random.default_rng(144).normal(size=480)
x_windows, y_next = sliding_windows(output.astype("float32"), WINDOW, HORIZON)

model = SolarForecaster(HORIZON)
model.compile(optimizer=keras.optimizers.Adam(1e-3))
model.fit(x_windows, y_next, batch_size=48, epochs=2, verbose=0)
print(model.predict(x_windows[-2:], verbose=0).shape)
