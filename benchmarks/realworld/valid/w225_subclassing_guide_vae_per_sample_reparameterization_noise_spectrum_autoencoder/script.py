import numpy as np
import keras
from keras import layers, ops

signal_dim = 48  # one spectrum of 48 bins per sample
hidden_dim = 24
code_dim = 3


class ReparamSample(layers.Layer):
    """Draws z = mean + std * eps with an independent eps for every sample."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(7)

    def call(self, inputs):
        mean, log_var = inputs
        eps = keras.random.normal(shape=ops.shape(mean), seed=self.seed_generator)
        return mean + ops.exp(0.5 * log_var) * eps


class SpectrumVAE(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enc = layers.Dense(hidden_dim, activation="relu")
        self.to_mean = layers.Dense(code_dim)
        self.to_log_var = layers.Dense(code_dim)
        self.sample = ReparamSample()
        self.dec = layers.Dense(hidden_dim, activation="relu")
        self.out = layers.Dense(signal_dim, activation="sigmoid")

    def call(self, x):
        h = self.enc(x)
        mean, log_var = self.to_mean(h), self.to_log_var(h)
        z = self.sample((mean, log_var))
        kl = -0.5 * ops.mean(ops.sum(1 + log_var - ops.square(mean) - ops.exp(log_var), axis=1))
        self.add_loss(0.01 * kl)
        return self.out(self.dec(z))


rng = np.random.default_rng(12)
peaks = rng.integers(5, 43, size=(160, 1))
bins = np.arange(signal_dim)[None, :]
spectra = np.exp(-0.5 * ((bins - peaks) / 3.0) ** 2).astype("float32")

vae = SpectrumVAE()
vae.compile(optimizer=keras.optimizers.Adam(2e-3), loss="binary_crossentropy")
history = vae.fit(spectra, spectra, epochs=2, batch_size=32, verbose=0)
print("loss:", [round(v, 4) for v in history.history["loss"]])
print("reconstruction:", vae.predict(spectra[:2], verbose=0).shape)
