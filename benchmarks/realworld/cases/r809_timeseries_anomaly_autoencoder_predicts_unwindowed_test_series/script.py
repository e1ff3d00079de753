# Reconstruction-based anomaly detection on a sensor series (keras-io "Timeseries anomaly
# detection using an Autoencoder" style): the normalized training series is cut into
# overlapping windows, a Conv1D / Conv1DTranspose autoencoder learns to reconstruct them,
# and the reconstruction error on the test series is compared with a threshold.
import numpy as np
import keras
from keras import layers

WINDOW = 48
gen = np.random.default_rng(11)
t = np.arange(1200)
train_series = (np.sin(t * 2 * np.pi / 96) + 0.1 * gen.normal(size=t.size)).reshape(-1, 1)
test_series = train_series.copy()
test_series[700:760] += 3.0   # an anomalous jump

train_mean, train_std = train_series.mean(), train_series.std()
train_norm = (train_series - train_mean) / train_std


def make_windows(values, window=WINDOW):
    return np.stack([values[i: i + window] for i in range(len(values) - window + 1)])


x_train = make_windows(train_norm).astype("float32")

autoencoder = keras.Sequential([
    layers.Input(shape=(x_train.shape[1], x_train.shape[2])),
    layers.Conv1D(32, 7, padding="same", strides=2, activation="relu"),
    layers.Dropout(0.2),
    layers.Conv1D(16, 7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(16, 7, padding="same", strides=2, activation="relu"),
    layers.Dropout(0.2),
    layers.Conv1DTranspose(32, 7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(1, 7, padding="same"),
])
autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
autoencoder.fit(x_train, x_train, epochs=2, batch_size=128, validation_split=0.1, verbose=0)

train_recon = autoencoder.predict(x_train, verbose=0)
threshold = np.max(np.mean(np.abs(train_recon - x_train), axis=1))

test_norm = ((test_series - train_mean) / train_std).astype("float32")
test_recon = autoencoder.predict(test_norm, verbose=0)
test_mae = np.mean(np.abs(test_recon - test_norm), axis=1)
print("anomalous windows:", int(np.sum(test_mae > threshold)))
