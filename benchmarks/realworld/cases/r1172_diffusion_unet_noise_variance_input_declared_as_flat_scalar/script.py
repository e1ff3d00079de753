import math
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMAGE_SIZE, NOISE_EMBEDDING_SIZE, BATCH_SIZE = 16, 16, 16

# stand-in for the flower photos: 64 RGB images scaled to [0, 1]
rng = np.random.default_rng(31)
train_images = rng.random((64, IMAGE_SIZE, IMAGE_SIZE, 3)).astype("float32")

def sinusoidal_embedding(x):
    frequencies = tf.exp(tf.linspace(tf.math.log(1.0), tf.math.log(1000.0), NOISE_EMBEDDING_SIZE // 2))
    angular_speeds = 2.0 * math.pi * frequencies
    return tf.concat([tf.sin(angular_speeds * x), tf.cos(angular_speeds * x)], axis=3)

def offset_cosine_diffusion_schedule(diffusion_times):
    start_angle, end_angle = tf.acos(0.95), tf.acos(0.02)
    diffusion_angles = start_angle + diffusion_times * (end_angle - start_angle)
    return tf.sin(diffusion_angles), tf.cos(diffusion_angles)

def ResidualBlock(width, x):
    residual = x if x.shape[3] == width else layers.Conv2D(width, kernel_size=1)(x)
    x = layers.BatchNormalization(center=False, scale=False)(x)
    x = layers.Conv2D(width, kernel_size=3, padding="same", activation="swish")(x)
    x = layers.Conv2D(width, kernel_size=3, padding="same")(x)
    return layers.Add()([x, residual])

noisy_images = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3))
x = layers.Conv2D(16, kernel_size=1)(noisy_images)
noise_variances = keras.Input(shape=(1,))
noise_embedding = layers.Lambda(sinusoidal_embedding)(noise_variances)
noise_embedding = layers.UpSampling2D(size=IMAGE_SIZE, interpolation="nearest")(noise_embedding)
x = layers.Concatenate()([x, noise_embedding])
skips = []
for width in (16, 32):
    x = ResidualBlock(width, x)
    skips.append(x)
    x = layers.AveragePooling2D(pool_size=2)(x)
x = ResidualBlock(48, x)
for width in (32, 16):
    x = layers.UpSampling2D(size=2, interpolation="bilinear")(x)
    x = ResidualBlock(width, layers.Concatenate()([x, skips.pop()]))
unet = keras.Model([noisy_images, noise_variances], layers.Conv2D(3, kernel_size=1, kernel_initializer="zeros")(x))

class DiffusionModel(keras.Model):
    def __init__(self, network):
        super().__init__()
        self.network = network

    def train_step(self, images):
        noises = tf.random.normal(shape=tf.shape(images))
        diffusion_times = tf.random.uniform(shape=(tf.shape(images)[0], 1, 1, 1), minval=0.0, maxval=1.0)
        noise_rates, signal_rates = offset_cosine_diffusion_schedule(diffusion_times)
        noisy = signal_rates * images + noise_rates * noises
        with tf.GradientTape() as tape:
            pred_noises = self.network([noisy, noise_rates**2], training=True)
            noise_loss = tf.reduce_mean(keras.losses.mean_absolute_error(noises, pred_noises))
        gradients = tape.gradient(noise_loss, self.network.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.network.trainable_weights))
        return {"n_loss": noise_loss}

ddm = DiffusionModel(unet)
ddm.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4))
print(ddm.fit(train_images, batch_size=BATCH_SIZE, epochs=1, verbose=0).history["n_loss"])
