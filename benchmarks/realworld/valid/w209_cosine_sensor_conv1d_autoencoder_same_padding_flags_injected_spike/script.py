import numpy as np
import keras
from keras import layers

WINDOW = 96
gen = np.random.default_rng(12)
steps = np.arange(2000)
readings = 5.0 + np.cos(2 * np.pi * steps / 96) + gen.normal(0, 0.2, size=steps.shape)
mu, sigma = readings.mean(), readings.std()
scaled = ((readings - mu) / sigma).reshape(-1, 1)


def to_windows(values, size=WINDOW, stride=8):
    return np.stack([values[k : k + size] for k in range(0, len(values) - size + 1, stride)])


windows = to_windows(scaled)
print("windows:", windows.shape)

recon = keras.Sequential(
    [
        layers.Input(shape=(WINDOW, 1)),
        layers.Conv1D(16, 5, padding="same", strides=2, activation="relu"),
        layers.Dropout(0.2),
        layers.Conv1D(8, 5, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(8, 5, padding="same", strides=2, activation="relu"),
        layers.Dropout(0.2),
        layers.Conv1DTranspose(16, 5, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(1, 5, padding="same"),
    ]
)
recon.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
recon.fit(windows, windows, epochs=2, batch_size=32, validation_split=0.1, verbose=2)

rebuilt = recon.predict(windows, verbose=0)
errors = np.mean(np.abs(rebuilt - windows), axis=1).ravel()
limit = errors.max()
spiky = scaled.copy()
spiky[500:510] += 4.0
spiky_windows = to_windows(spiky)
spiky_err = np.mean(np.abs(recon.predict(spiky_windows, verbose=0) - spiky_windows), axis=1).ravel()
print("threshold", round(float(limit), 4), "anomalous windows:", int(np.sum(spiky_err > limit)))
