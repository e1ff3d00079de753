# Denoising diffusion implicit model (DDIM) on small flower-like images: a residual U-Net
# takes the noisy images and the noise variance, whose sinusoidal embedding is joined to
# the first feature map; the diffusion model trains it to predict the added noise.
import math
import numpy as np
import tensorflow as tf
import keras
from keras import layers

image_size = 16
widths = [16, 32]
block_depth = 1
embedding_dims = 16
batch_size = 8


def sinusoidal_embedding(x):
    frequencies = tf.exp(tf.linspace(tf.math.log(1.0), tf.math.log(1000.0), embedding_dims // 2))
    angular_speeds = 2.0 * math.pi * frequencies
    return tf.concat([tf.sin(angular_speeds * x), tf.cos(angular_speeds * x)], axis=3)


def residual_block(width):
    def apply(x):
        residual = x if x.shape[3] == width else layers.Conv2D(width, kernel_size=1)(x)
        x = layers.BatchNormalization(center=False, scale=False)(x)
        x = layers.Conv2D(width, kernel_size=3, padding="same", activation="swish")(x)
        x = layers.Conv2D(width, kernel_size=3, padding="same")(x)
        return layers.Add()([x, residual])
    return apply


def get_network():
    noisy_images = keras.Input(shape=(image_size, image_size, 3))
    noise_variances = keras.Input(shape=(1, 1, 1))

    e = layers.Lambda(sinusoidal_embedding, output_shape=(1, 1, embedding_dims))(noise_variances)

    x = layers.Conv2D(widths[0], kernel_size=1)(noisy_images)
    x = layers.Concatenate()([x, e])

    skips = []
    for width in widths[:-1]:
        for _ in range(block_depth):
            x = residual_block(width)(x)
            skips.append(x)
        x = layers.AveragePooling2D(pool_size=2)(x)
    for _ in range(block_depth):
        x = residual_block(widths[-1])(x)
    for width in reversed(widths[:-1]):
        x = layers.UpSampling2D(size=2, interpolation="bilinear")(x)
        for _ in range(block_depth):
            x = layers.Concatenate()([x, skips.pop()])
            x = residual_block(width)(x)
    x = layers.Conv2D(3, kernel_size=1, kernel_initializer="zeros")(x)
    return keras.Model([noisy_images, noise_variances], x, name="residual_unet")


class DiffusionModel(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.network = get_network()
        self.noise_loss_tracker = keras.metrics.Mean(name="n_loss")

    def diffusion_schedule(self, diffusion_times):
        start_angle, end_angle = math.acos(0.95), math.acos(0.02)
        angles = start_angle + diffusion_times * (end_angle - start_angle)
        return tf.sin(angles), tf.cos(angles)

    def train_step(self, images):
        noises = tf.random.normal(shape=tf.shape(images))
        times = tf.random.uniform(shape=(tf.shape(images)[0], 1, 1, 1))
        noise_rates, signal_rates = self.diffusion_schedule(times)
        noisy = signal_rates * images + noise_rates * noises
        with tf.GradientTape() as tape:
            pred_noises = self.network([noisy, noise_rates ** 2], training=True)
            noise_loss = tf.reduce_mean(tf.abs(noises - pred_noises))
        grads = tape.gradient(noise_loss, self.network.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.network.trainable_weights))
        self.noise_loss_tracker.update_state(noise_loss)
        return {"n_loss": self.noise_loss_tracker.result()}


flowers = np.random.default_rng(28).normal(size=(32, image_size, image_size, 3)).astype("float32")
model = DiffusionModel()
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4))
model.fit(tf.data.Dataset.from_tensor_slices(flowers).batch(batch_size, drop_remainder=True),
          epochs=1, verbose=0)
print("noise loss", float(model.noise_loss_tracker.result()))
