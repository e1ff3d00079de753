import numpy as np
import keras
from keras import layers

n_steps = 50


def generate_time_series(batch_size, n_steps, seed):
    rng = np.random.default_rng(seed)
    freq1, freq2, offsets1, offsets2 = rng.random((4, batch_size, 1))
    time = np.linspace(0, 1, n_steps)
    series = 0.5 * np.sin((time - offsets1) * (freq1 * 10 + 10))
    series += 0.2 * np.sin((time - offsets2) * (freq2 * 20 + 20))
    series += 0.1 * (rng.random((batch_size, n_steps)) - 0.5)
    return series[..., np.newaxis].astype(np.float32)


series = generate_time_series(300, n_steps + 10, seed=42)
X_train = series[:200, :n_steps]
X_valid = series[200:, :n_steps]

Y = np.empty((300, n_steps, 10), dtype=np.float32)
for step_ahead in range(1, 10 + 1):
    Y[..., step_ahead - 1] = series[..., step_ahead:step_ahead + n_steps, 0]
Y_train = Y[:200]
Y_valid = Y[200:]


def last_time_step_mse(Y_true, Y_pred):
    return keras.metrics.mean_squared_error(Y_true[:, -1], Y_pred[:, -1])


model = keras.Sequential([
    keras.Input(shape=[None, 1]),
    layers.Conv1D(filters=20, kernel_size=4, strides=2, padding="valid"),
    layers.GRU(20, return_sequences=True),
    layers.GRU(20, return_sequences=True),
    layers.TimeDistributed(layers.Dense(10)),
])
model.compile(loss="mse", optimizer="adam", metrics=[last_time_step_mse])
history = model.fit(X_train, Y_train, epochs=2, verbose=0,
                    validation_data=(X_valid, Y_valid))
print("last-step mse:", history.history["val_last_time_step_mse"][-1])
