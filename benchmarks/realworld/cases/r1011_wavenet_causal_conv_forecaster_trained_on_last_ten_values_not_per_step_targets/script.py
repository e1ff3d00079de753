import numpy as np
import keras
from keras import layers


def generate_time_series(batch_size, n_steps):
    freq1, freq2, offsets1, offsets2 = np.random.rand(4, batch_size, 1)
    time = np.linspace(0, 1, n_steps)
    series = 0.5 * np.sin((time - offsets1) * (freq1 * 10 + 10))
    series += 0.2 * np.sin((time - offsets2) * (freq2 * 20 + 20))
    series += 0.1 * (np.random.rand(batch_size, n_steps) - 0.5)
    return series[..., np.newaxis].astype(np.float32)


def last_time_step_mse(Y_true, Y_pred):
    return keras.metrics.mean_squared_error(Y_true[:, -1], Y_pred[:, -1])


np.random.seed(42)
n_steps = 50
series = generate_time_series(600, n_steps + 10)
X_train, Y_train = series[:400, :n_steps], series[:400, -10:, 0]
X_valid, Y_valid = series[400:500, :n_steps], series[400:500, -10:, 0]
X_test, Y_test = series[500:, :n_steps], series[500:, -10:, 0]

# WaveNet: stacked causal convolutions with doubling dilation rates
model = keras.models.Sequential()
model.add(keras.Input(shape=[None, 1]))
for rate in (1, 2, 4, 8) * 2:
    model.add(layers.Conv1D(filters=20, kernel_size=2, padding="causal",
                            activation="relu", dilation_rate=rate))
model.add(layers.Conv1D(filters=10, kernel_size=1))
model.compile(loss="mse", optimizer="adam", metrics=[last_time_step_mse])
history = model.fit(X_train, Y_train, epochs=2, verbose=0,
                    validation_data=(X_valid, Y_valid))
print("final val loss:", history.history["val_loss"][-1])
