import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(9)
original_dim = 64
intermediate_dim = 32
latent_dim = 2
x_train = rng.random((128, original_dim)).astype("float32")


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(ops.shape(z_mean), seed=1)
        return z_mean + ops.exp(0.5 * z_log_var) * eps


inputs = keras.Input(shape=(original_dim,), name="encoder_input")
h = layers.Dense(intermediate_dim, activation="relu")(inputs)
z_mean = layers.Dense(latent_dim, name="z_mean")(h)
z_log_var = layers.Dense(latent_dim, name="z_log_var")(h)
z = Sampling(name="z")([z_mean, z_log_var])
encoder = keras.Model(inputs, [z_mean, z_log_var, z], name="encoder")

latent_inputs = keras.Input(shape=(latent_dim,), name="z_sampling")
h = layers.Dense(intermediate_dim, activation="relu")(latent_inputs)
outputs = layers.Dense(original_dim, activation="sigmoid")(h)
decoder = keras.Model(latent_inputs, outputs, name="decoder")

outputs = decoder(encoder(inputs))
vae = keras.Model(inputs, outputs, name="vae_mlp")
vae.compile(optimizer="adam", loss="binary_crossentropy")
vae.fit(x_train, x_train, epochs=2, batch_size=32, verbose=0)
print("vae trained")
