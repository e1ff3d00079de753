# Subclassed variational autoencoder on 48-value profiles: the encoder outputs the mean
# and log-variance of a 3-d latent code, the KL divergence is averaged over every
# element and registered as a scalar with add_loss(), and the reconstruction error
# comes from the compiled binary cross-entropy.
import numpy as np
import keras
from keras import layers, ops


class ReparamSample(layers.Layer):
    def call(self, inputs):
        mu, log_var = inputs
        noise = keras.random.normal(ops.shape(mu))
        return mu + ops.exp(0.5 * log_var) * noise


class ProfileVAE(keras.Model):
    def __init__(self, n_values, code_size=3, **kwargs):
        super().__init__(**kwargs)
        self.enc = layers.Dense(24, activation="relu")
        self.mu_head = layers.Dense(code_size)
        self.log_var_head = layers.Dense(code_size)
        self.sample = ReparamSample()
        self.dec = layers.Dense(24, activation="relu")
        self.recon = layers.Dense(n_values, activation="sigmoid")

    def call(self, profiles):
        hidden = self.enc(profiles)
        mu, log_var = self.mu_head(hidden), self.log_var_head(hidden)
        code = self.sample((mu, log_var))
        kl_term = -0.5 * ops.mean(1 + log_var - ops.square(mu) - ops.exp(log_var))
        self.add_loss(kl_term)
        return self.recon(self.dec(code))


gen = np.random.default_rng(133)
profiles = gen.random((384, 48)).astype("float32")

vae = ProfileVAE(n_values=48)
vae.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
hist = vae.fit(profiles, profiles, batch_size=32, epochs=3, verbose=0)
print("loss per epoch:", [round(v, 4) for v in hist.history["loss"]])
