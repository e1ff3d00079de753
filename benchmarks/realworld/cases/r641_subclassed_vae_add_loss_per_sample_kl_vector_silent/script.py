# Subclassed variational autoencoder (encoder -> sampling -> decoder) on flat 64-value
# vectors; the KL divergence is registered with add_loss() in call() and the
# reconstruction error comes from the compiled MSE loss.
import numpy as np
import keras
from keras import layers, ops


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(ops.shape(z_mean))
        return z_mean + ops.exp(0.5 * z_log_var) * eps


class VAE(keras.Model):
    def __init__(self, original_dim, latent_dim=4, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(32, activation="relu")
        self.to_mean = layers.Dense(latent_dim)
        self.to_log_var = layers.Dense(latent_dim)
        self.sampling = Sampling()
        self.decoder_hidden = layers.Dense(32, activation="relu")
        self.decoder_out = layers.Dense(original_dim, activation="sigmoid")

    def call(self, inputs):
        h = self.hidden(inputs)
        z_mean, z_log_var = self.to_mean(h), self.to_log_var(h)
        z = self.sampling((z_mean, z_log_var))
        reconstructed = self.decoder_out(self.decoder_hidden(z))
        kl_loss = -0.5 * ops.mean(1 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var), axis=1)
        self.add_loss(kl_loss)
        return reconstructed


rng = np.random.default_rng(19560)
x_train = rng.random((512, 64)).astype("float32")

vae = VAE(original_dim=64)
vae.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.MeanSquaredError())
history = vae.fit(x_train, x_train, batch_size=64, epochs=3, verbose=0)
print("loss per epoch:", history.history["loss"])
