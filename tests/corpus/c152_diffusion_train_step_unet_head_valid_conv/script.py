import math
import numpy as np
import tensorflow as tf
import keras
from keras import layers

image_size = 16
embedding_dims = 8
images = np.random.rand(32, 16, 16, 3).astype("float32")


def sinusoidal_embedding(x):
    frequencies = tf.exp(tf.linspace(tf.math.log(1.0), tf.math.log(1000.0), embedding_dims // 2))
    angular_speeds = 2.0 * math.pi * frequencies
    return tf.concat([tf.sin(angular_speeds * x), tf.cos(angular_speeds * x)], axis=3)


def get_network(image_size, widths):
    noisy_images = keras.Input(shape=(image_size, image_size, 3))
    noise_variances = keras.Input(shape=(1, 1, 1))
    e = layers.Lambda(sinusoidal_embedding, output_shape=(1, 1, embedding_dims))(noise_variances)
    e = layers.UpSampling2D(size=image_size, interpolation="nearest")(e)
    x = layers.Conv2D(widths[0], kernel_size=1)(noisy_images)
    x = layers.Concatenate()([x, e])
    skips = []
    for width in widths[:-1]:
        x = layers.Conv2D(width, kernel_size=3, padding="same", activation="swish")(x)
        skips.append(x)
        x = layers.AveragePooling2D(pool_size=2)(x)
    x = layers.Conv2D(widths[-1], kernel_size=3, padding="same", activation="swish")(x)
    for width in reversed(widths[:-1]):
        x = layers.UpSampling2D(size=2, interpolation="bilinear")(x)
        x = layers.Concatenate()([x, skips.pop()])
        x = layers.Conv2D(width, kernel_size=3, padding="same", activation="swish")(x)
    x = layers.Conv2D(3, kernel_size=3, kernel_initializer="zeros")(x)
    return keras.Model([noisy_images, noise_variances], x, name="residual_unet")


class DiffusionModel(keras.Model):
    def __init__(self, image_size, widths):
        super().__init__()
        self.network = get_network(image_size, widths)
        self.noise_loss_tracker = keras.metrics.Mean(name="n_loss")

    @property
    def metrics(self):
        return [self.noise_loss_tracker]

    def diffusion_schedule(self, diffusion_times):
        start_angle = tf.acos(0.95)
        end_angle = tf.acos(0.02)
        angles = start_angle + diffusion_times * (end_angle - start_angle)
        return tf.sin(angles), tf.cos(angles)

    def train_step(self, images):
        noises = tf.random.normal(shape=(tf.shape(images)[0], image_size, image_size, 3))
        diffusion_times = tf.random.uniform(shape=(tf.shape(images)[0], 1, 1, 1), minval=0.0, maxval=1.0)
        noise_rates, signal_rates = self.diffusion_schedule(diffusion_times)
        noisy_images = signal_rates * images + noise_rates * noises
        with tf.GradientTape() as tape:
            pred_noises = self.network([noisy_images, noise_rates**2], training=True)
            noise_loss = self.loss(noises, pred_noises)
        gradients = tape.gradient(noise_loss, self.network.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.network.trainable_weights))
        self.noise_loss_tracker.update_state(noise_loss)
        return {m.name: m.result() for m in self.metrics}


model = DiffusionModel(image_size, widths=[8, 16, 32])
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4), loss=keras.losses.mean_absolute_error)
model.fit(images, epochs=1, batch_size=8, verbose=0)
