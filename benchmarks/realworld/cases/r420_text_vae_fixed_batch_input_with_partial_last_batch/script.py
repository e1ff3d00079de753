import numpy as np
import keras
from keras import layers, ops

batch_size, max_len, latent_dim = 32, 40, 8
rng = np.random.default_rng(3)
sentences = rng.random((500, max_len)).astype("float32")


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(shape=(batch_size, latent_dim))
        return z_mean + ops.exp(0.5 * z_log_var) * eps


x_in = keras.Input(shape=(max_len,))
h = layers.Dense(64, activation="relu")(x_in)
z_mean = layers.Dense(latent_dim)(h)
z_log_var = layers.Dense(latent_dim)(h)
z = Sampling()([z_mean, z_log_var])
h_dec = layers.Dense(64, activation="relu")(z)
x_out = layers.Dense(max_len, activation="sigmoid")(h_dec)
vae = keras.Model(x_in, x_out)
vae.compile(optimizer="adam", loss="binary_crossentropy")

x_train = sentences
vae.fit(x_train, x_train, batch_size=batch_size, epochs=1, verbose=0)
