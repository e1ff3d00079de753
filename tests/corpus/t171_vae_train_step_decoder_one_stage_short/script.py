import numpy as np
import tensorflow as tf
import keras
from keras import layers

latent_dim = 8
images = np.random.rand(32, 32, 32, 3).astype("float32")

encoder_inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 4, strides=2, padding="same", activation="relu")(encoder_inputs)
x = layers.Conv2D(32, 4, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(64, 4, strides=2, padding="same", activation="relu")(x)
x = layers.Flatten()(x)
z_mean = layers.Dense(latent_dim)(x)
z_log_var = layers.Dense(latent_dim)(x)
encoder = keras.Model(encoder_inputs, [z_mean, z_log_var], name="encoder")

latent_inputs = keras.Input(shape=(latent_dim,))
x = layers.Dense(4 * 4 * 64, activation="relu")(latent_inputs)
x = layers.Reshape((4, 4, 64))(x)
x = layers.Conv2DTranspose(32, 4, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(16, 4, strides=2, padding="same", activation="relu")(x)
decoder_outputs = layers.Conv2DTranspose(3, 4, padding="same", activation="sigmoid")(x)
decoder = keras.Model(latent_inputs, decoder_outputs, name="decoder")


class VAE(keras.Model):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def train_step(self, data):
        with tf.GradientTape() as tape:
            z_mean, z_log_var = self.encoder(data)
            eps = tf.random.normal(shape=tf.shape(z_mean))
            z = z_mean + tf.exp(0.5 * z_log_var) * eps
            reconstruction = self.decoder(z)
            reconstruction_loss = tf.reduce_mean(tf.reduce_sum(tf.square(data - reconstruction), axis=(1, 2, 3)))
            kl_loss = -0.5 * tf.reduce_mean(tf.reduce_sum(1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=1))
            total_loss = reconstruction_loss + kl_loss
        grads = tape.gradient(total_loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": total_loss}


vae = VAE(encoder, decoder)
vae.compile(optimizer="adam")
vae.fit(images, epochs=1, batch_size=16, verbose=0)
