# Deep temporal clustering, pretraining step: a temporal autoencoder compresses each
# 128-step series (cylinder / bell / funnel shapes) with a Conv1D, a max-pooling over
# time and two bidirectional LSTMs, then rebuilds it by upsampling the latent sequence
# by the pooling factor and a transposed convolution. The autoencoder is pretrained on
# the reconstruction error.
import numpy as np
import keras
from keras import layers

TIMESTEPS = 128
N_FILTERS, KERNEL_SIZE = 32, 10
POOL_SIZE = 10
N_UNITS = (32, 1)


def cbf_series(rng, n):
    t = np.arange(TIMESTEPS)
    series = rng.normal(scale=0.3, size=(n, TIMESTEPS))
    for row in series:
        a = rng.integers(16, 32)
        b = a + rng.integers(32, 96)
        shape = rng.integers(0, 3)
        ramp = np.ones(b - a) if shape == 0 else (t[a:b] - a) / (b - a) if shape == 1 else (b - t[a:b]) / (b - a)
        row[a:b] += 6.0 * ramp
    return series[..., None].astype("float32")


series_in = keras.Input(shape=(TIMESTEPS, 1))
h = layers.Conv1D(N_FILTERS, KERNEL_SIZE, padding="same")(series_in)
h = layers.LeakyReLU()(h)
h = layers.MaxPooling1D(POOL_SIZE)(h)
h = layers.Bidirectional(layers.LSTM(N_UNITS[0], return_sequences=True), merge_mode="sum")(h)
h = layers.LeakyReLU()(h)
h = layers.Bidirectional(layers.LSTM(N_UNITS[1], return_sequences=True), merge_mode="sum")(h)
latent = layers.LeakyReLU(name="latent")(h)
d = layers.UpSampling1D(POOL_SIZE)(latent)
d = layers.Conv1DTranspose(1, KERNEL_SIZE, padding="same")(d)
autoencoder = keras.Model(series_in, d)
autoencoder.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(26)
X = cbf_series(rng, 96)
autoencoder.fit(X, X, batch_size=32, epochs=2, verbose=0)
encoder = keras.Model(series_in, latent)
print("latent sequences:", encoder.predict(X[:4], verbose=0).shape)
