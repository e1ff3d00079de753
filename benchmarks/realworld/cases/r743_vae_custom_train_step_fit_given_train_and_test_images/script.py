# Convolutional VAE on 28x28 digit images with its own train_step (keras-io VAE style):
# train_step treats `data` as one batch of images, encodes it, decodes the sampled code
# and adds the reconstruction and KL terms. The images come as a train and a test split.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

LATENT = 2
rng = np.random.default_rng(385)
x_train = rng.random((300, 28, 28, 1)).astype("float32")
x_test = rng.random((50, 28, 28, 1)).astype("float32")


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(ops.shape(z_mean))
        return z_mean + ops.exp(0.5 * z_log_var) * eps


enc_in = keras.Input(shape=(28, 28, 1))
h = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(enc_in)
h = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(h)
h = layers.Dense(16, activation="relu")(layers.Flatten()(h))
z_mean = layers.Dense(LATENT)(h)
z_log_var = layers.Dense(LATENT)(h)
encoder = keras.Model(enc_in, [z_mean, z_log_var, Sampling()([z_mean, z_log_var])])

dec_in = keras.Input(shape=(LATENT,))
g = layers.Dense(7 * 7 * 32, activation="relu")(dec_in)
g = layers.Reshape((7, 7, 32))(g)
g = layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(g)
g = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(g)
decoder = keras.Model(dec_in, layers.Conv2DTranspose(1, 3, padding="same", activation="sigmoid")(g))


class VAE(keras.Model):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder, self.decoder = encoder, decoder
        self.loss_tracker = keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def train_step(self, data):
        with tf.GradientTape() as tape:
            z_mean, z_log_var, z = self.encoder(data)
            recon = self.decoder(z)
            rec_loss = ops.mean(ops.sum(keras.losses.binary_crossentropy(data, recon), axis=(1, 2)))
            kl = -0.5 * (1 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var))
            loss = rec_loss + ops.mean(ops.sum(kl, axis=1))
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


vae = VAE(encoder, decoder)
vae.compile(optimizer=keras.optimizers.Adam())
vae.fit(x_train, x_test, epochs=2, batch_size=64, verbose=0)
print(decoder.predict(np.zeros((1, LATENT)), verbose=0).shape)
