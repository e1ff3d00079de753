import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.utils import to_categorical

image_size, num_labels, latent_dim, kernel_size, filters = 28, 10, 2, 3, 16

# stand-in for MNIST: 256 28x28 grayscale digits with their class ids
rng = np.random.default_rng(8)
x_train = rng.random((256, image_size, image_size, 1)).astype("float32")
y_train = rng.integers(0, num_labels, size=256)

class Sampling(layers.Layer):
    def call(self, args):
        z_mean, z_log_var = args
        epsilon = keras.random.normal(tf.shape(z_mean))
        return z_mean + tf.exp(0.5 * z_log_var) * epsilon

inputs = keras.Input(shape=(image_size, image_size, 1), name="encoder_input")
y_labels = keras.Input(shape=(num_labels,), name="class_labels")
x = layers.Reshape((image_size, image_size, 1))(layers.Dense(image_size * image_size)(y_labels))
x = layers.concatenate([inputs, x])
for i in range(2):
    filters *= 2
    x = layers.Conv2D(filters, kernel_size, activation="relu", strides=2, padding="same")(x)
shape = x.shape
x = layers.Dense(16, activation="relu")(layers.Flatten()(x))
z_mean = layers.Dense(latent_dim, name="z_mean")(x)
z_log_var = layers.Dense(latent_dim, name="z_log_var")(x)
encoder = keras.Model([inputs, y_labels], [z_mean, z_log_var, Sampling()([z_mean, z_log_var])], name="encoder")

latent_inputs = keras.Input(shape=(latent_dim,), name="z_sampling")
x = layers.concatenate([latent_inputs, y_labels])
x = layers.Dense(shape[1] * shape[2] * shape[3], activation="relu")(x)
x = layers.Reshape((shape[1], shape[2], shape[3]))(x)
for i in range(2):
    x = layers.Conv2DTranspose(filters, kernel_size, activation="relu", strides=2, padding="same")(x)
    filters //= 2
outputs = layers.Conv2DTranspose(1, kernel_size, activation="sigmoid", padding="same", name="decoder_output")(x)
decoder = keras.Model([latent_inputs, y_labels], outputs, name="decoder")

class CVAE(keras.Model):
    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder, self.decoder = encoder, decoder

    def train_step(self, data):
        images, labels = data[0]
        with tf.GradientTape() as tape:
            z_mean, z_log_var, z = self.encoder([images, labels])
            reconstruction = self.decoder([z, labels])
            reconstruction_loss = tf.reduce_mean(tf.square(images - reconstruction), axis=[1, 2, 3]) * image_size * image_size
            kl_loss = -0.5 * tf.reduce_sum(1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=-1)
            loss = tf.reduce_mean(reconstruction_loss + kl_loss)
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": loss}

cvae = CVAE(encoder, decoder)
cvae.compile(optimizer="rmsprop")
cvae.fit([x_train, to_categorical(y_train)], epochs=1, batch_size=64, verbose=0)

# generate the requested digit at one point of the 2-D latent space
digit = 3
y_label = np.eye(num_labels)[digit]
z_sample = np.array([[0.5, -1.0]])
x_decoded = decoder.predict([z_sample, y_label], verbose=0)
print(x_decoded[0].reshape(image_size, image_size).mean())
