# Denoising diffusion implicit model on small grayscale images (keras-io "Denoising
# Diffusion Implicit Models" style, with a much smaller network): the network gets noisy
# images and the noise variance, predicts the noise, and is trained with the mean
# absolute error between the true and the predicted noise in an overridden train_step.
import math
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

image_size = 16
channels = 1
embedding_dims = 16
min_signal_rate, max_signal_rate = 0.02, 0.95

rng = np.random.default_rng(9)
scans = rng.random((96, image_size, image_size, channels)).astype("float32")


def sinusoidal_embedding(x):
    frequencies = ops.exp(ops.linspace(math.log(1.0), math.log(1000.0), embedding_dims // 2))
    angular_speeds = ops.cast(2.0 * math.pi * frequencies, "float32")
    return ops.concatenate([ops.sin(angular_speeds * x), ops.cos(angular_speeds * x)], axis=3)


def build_denoiser():
    noisy_images = keras.Input(shape=(image_size, image_size, channels))
    noise_variances = keras.Input(shape=(1, 1, 1))
    e = layers.Lambda(sinusoidal_embedding, output_shape=(1, 1, embedding_dims))(noise_variances)
    e = layers.UpSampling2D(size=image_size, interpolation="nearest")(e)
    x = layers.Conv2D(32, 1)(noisy_images)
    x = layers.Concatenate()([x, e])
    for width in [32, 32, 32]:
        x = layers.Conv2D(width, 3, padding="same", activation="swish")(x)
    x = layers.Conv2D(3, 1, kernel_initializer="zeros")(x)
    return keras.Model([noisy_images, noise_variances], x, name="residual_unet")


class DiffusionModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.normalizer = layers.Normalization()
        self.network = build_denoiser()

    def diffusion_schedule(self, diffusion_times):
        start_angle = ops.arccos(max_signal_rate)
        end_angle = ops.arccos(min_signal_rate)
        angles = start_angle + diffusion_times * (end_angle - start_angle)
        return ops.sin(angles), ops.cos(angles)   # noise rates, signal rates

    def denoise(self, noisy_images, noise_rates, signal_rates, training):
        pred_noises = self.network([noisy_images, noise_rates ** 2], training=training)
        pred_images = (noisy_images - noise_rates * pred_noises) / signal_rates
        return pred_noises, pred_images

    def train_step(self, images):
        images = self.normalizer(images, training=True)
        n = ops.shape(images)[0]
        noises = tf.random.normal(shape=(n, image_size, image_size, channels))
        diffusion_times = tf.random.uniform(shape=(n, 1, 1, 1), minval=0.0, maxval=1.0)
        noise_rates, signal_rates = self.diffusion_schedule(diffusion_times)
        noisy_images = signal_rates * images + noise_rates * noises
        with tf.GradientTape() as tape:
            pred_noises, pred_images = self.denoise(noisy_images, noise_rates, signal_rates,
                                                    training=True)
            noise_loss = self.loss(noises, pred_noises)
            image_loss = self.loss(images, pred_images)
        grads = tape.gradient(noise_loss, self.network.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.network.trainable_weights))
        return {"n_loss": noise_loss, "i_loss": image_loss}


model = DiffusionModel()
model.normalizer.adapt(scans)
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
              loss=keras.losses.MeanAbsoluteError())
history = model.fit(scans, epochs=2, batch_size=16, verbose=0)
print({k: round(float(v[-1]), 4) for k, v in history.history.items()})
