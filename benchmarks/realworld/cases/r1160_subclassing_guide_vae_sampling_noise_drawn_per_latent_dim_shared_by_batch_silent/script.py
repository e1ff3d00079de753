import numpy as np
import keras
from keras import layers, ops

original_dim = 64  # 8x8 images, flattened
intermediate_dim = 32
latent_dim = 4


class Sampling(layers.Layer):
    """Uses (z_mean, z_log_var) to sample z, the vector encoding an image."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, inputs):
        z_mean, z_log_var = inputs
        dim = ops.shape(z_mean)[1]
        epsilon = keras.random.normal(shape=(dim,), seed=self.seed_generator)
        return z_mean + ops.exp(0.5 * z_log_var) * epsilon


class VariationalAutoEncoder(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(intermediate_dim, activation="relu")
        self.dense_mean = layers.Dense(latent_dim)
        self.dense_log_var = layers.Dense(latent_dim)
        self.sampling = Sampling()
        self.decoder_hidden = layers.Dense(intermediate_dim, activation="relu")
        self.decoder_output = layers.Dense(original_dim, activation="sigmoid")

    def call(self, inputs):
        h = self.hidden(inputs)
        z_mean = self.dense_mean(h)
        z_log_var = self.dense_log_var(h)
        z = self.sampling((z_mean, z_log_var))
        reconstructed = self.decoder_output(self.decoder_hidden(z))
        kl_loss = -0.5 * ops.mean(
            z_log_var - ops.square(z_mean) - ops.exp(z_log_var) + 1
        )
        self.add_loss(kl_loss)
        return reconstructed


rng = np.random.default_rng(7)
x_train = rng.random((256, 8, 8)).astype("float32").reshape(256, original_dim)

vae = VariationalAutoEncoder()
vae.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.MeanSquaredError())
history = vae.fit(x_train, x_train, epochs=2, batch_size=64, verbose=0)
print("loss per epoch:", [round(v, 4) for v in history.history["loss"]])
