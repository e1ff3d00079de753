# Variational autoencoder for 28x28 sketches. The decoder maps the latent code through two
# dense layers to a 7x7 seed map with SEED_CHANNELS channels, then upsamples it twice with
# transposed convolutions back to 28x28.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

LATENT = 8
SEED_CHANNELS = 2
seed_units = 49 * SEED_CHANNELS // 2


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        noise = keras.random.normal(ops.shape(z_mean))
        return z_mean + ops.exp(0.5 * z_log_var) * noise


sketch_in = keras.Input(shape=(28, 28, 1))
h = layers.Conv2D(32, 4, strides=2, padding="same", activation="leaky_relu")(sketch_in)
h = layers.Conv2D(64, 4, strides=2, padding="same", activation="leaky_relu")(h)
h = layers.Flatten()(h)
z_mean = layers.Dense(LATENT)(h)
z_log_var = layers.Dense(LATENT)(h)
z = Sampling()([z_mean, z_log_var])
encoder = keras.Model(sketch_in, [z_mean, z_log_var, z], name="encoder")

latent_in = keras.Input(shape=(LATENT,))
d = layers.Dense(seed_units, activation="leaky_relu")(latent_in)
d = layers.Dense(seed_units * 2 + 1, activation="leaky_relu")(d)
d = layers.Reshape((7, 7, SEED_CHANNELS))(d)
d = layers.Conv2DTranspose(32, 4, strides=2, padding="same", activation="leaky_relu")(d)
d = layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="sigmoid")(d)
decoder = keras.Model(latent_in, d, name="decoder")


class SketchVAE(keras.Model):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def train_step(self, images):
        with tf.GradientTape() as tape:
            mean, log_var, code = self.encoder(images, training=True)
            recon = self.decoder(code, training=True)
            rec_loss = ops.mean(ops.sum(keras.losses.binary_crossentropy(images, recon), axis=(1, 2)))
            kl = -0.5 * ops.mean(ops.sum(1 + log_var - ops.square(mean) - ops.exp(log_var), axis=1))
            total = rec_loss + kl
        grads = tape.gradient(total, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": total}


sketches = np.random.default_rng(7).random((64, 28, 28, 1)).astype("float32")
vae = SketchVAE(encoder, decoder)
vae.compile(optimizer="adam")
vae.fit(sketches, batch_size=16, epochs=1, verbose=0)
print(decoder.predict(np.zeros((2, LATENT), "float32"), verbose=0).shape)
