# Variational autoencoder for 1-D spectra (120 bins): a dense encoder gives the mean and
# log-variance of an 8-value code, a custom SampleLayer applies the reparameterisation
# trick, and a dense decoder reconstructs the spectrum.
import numpy as np
import keras
from keras import layers, ops

N_BINS, LATENT = 120, 8


class SampleLayer(layers.Layer):
    def build(self, input_shape):
        # remember the code shape for drawing the noise
        self.noise_shape = input_shape[0]

    def call(self, inputs):
        mean, log_var = inputs
        noise = keras.random.normal(shape=self.noise_shape)
        return mean + ops.exp(0.5 * log_var) * noise


spectrum_in = keras.Input(shape=(N_BINS,))
h = layers.Dense(48, activation="relu")(spectrum_in)
code_mean = layers.Dense(LATENT)(h)
code_log_var = layers.Dense(LATENT)(h)
code = SampleLayer()([code_mean, code_log_var])
h_dec = layers.Dense(48, activation="relu")(code)
reconstruction = layers.Dense(N_BINS, activation="sigmoid")(h_dec)
vae = keras.Model(spectrum_in, reconstruction)
vae.compile(optimizer="adam", loss="binary_crossentropy")

rng = np.random.default_rng(5)
spectra = rng.random((256, N_BINS)).astype("float32")
vae.fit(spectra, spectra, batch_size=32, epochs=2, verbose=0)
print(vae.predict(spectra[:2], verbose=0).shape)
