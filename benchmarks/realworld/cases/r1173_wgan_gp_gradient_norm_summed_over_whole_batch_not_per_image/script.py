import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMAGE_SIZE, CHANNELS, Z_DIM, BATCH_SIZE, CRITIC_STEPS, GP_WEIGHT = 32, 3, 32, 16, 2, 10.0

# stand-in for the CelebA faces: 64 RGB images scaled to [-1, 1]
rng = np.random.default_rng(37)
train = (rng.integers(0, 256, size=(64, IMAGE_SIZE, IMAGE_SIZE, CHANNELS)).astype("float32") - 127.5) / 127.5

critic_input = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, CHANNELS))
x = critic_input
for filters in (32, 64, 128):
    x = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(filters, kernel_size=4, strides=2, padding="same")(x)))
critic = keras.Model(critic_input, layers.Flatten()(layers.Conv2D(1, kernel_size=4, strides=1, padding="valid")(x)))

generator_input = keras.Input(shape=(Z_DIM,))
x = layers.Reshape((1, 1, Z_DIM))(generator_input)
x = layers.Conv2DTranspose(128, kernel_size=4, strides=1, padding="valid", use_bias=False)(x)
for filters in (64, 32):
    x = layers.Conv2DTranspose(filters, kernel_size=4, strides=2, padding="same", use_bias=False)(x)
    x = layers.LeakyReLU(0.2)(layers.BatchNormalization(momentum=0.9)(x))
generator = keras.Model(generator_input, layers.Conv2DTranspose(CHANNELS, 4, strides=2, padding="same", activation="tanh")(x))


class WGANGP(keras.Model):
    def __init__(self, critic, generator, latent_dim, critic_steps, gp_weight):
        super().__init__()
        self.critic, self.generator, self.latent_dim = critic, generator, latent_dim
        self.critic_steps, self.gp_weight = critic_steps, gp_weight
        self.c_optimizer, self.g_optimizer = [keras.optimizers.Adam(2e-4, beta_1=0.5, beta_2=0.9) for _ in "cg"]

    def gradient_penalty(self, batch_size, real_images, fake_images):
        alpha = tf.random.normal([batch_size, 1, 1, 1], 0.0, 1.0)
        interpolated = real_images + alpha * (fake_images - real_images)
        with tf.GradientTape() as gp_tape:
            gp_tape.watch(interpolated)
            pred = self.critic(interpolated, training=True)
        grads = gp_tape.gradient(pred, [interpolated])[0]
        norm = tf.sqrt(tf.reduce_sum(tf.square(grads)))
        return tf.reduce_mean((norm - 1.0) ** 2)

    def train_step(self, real_images):
        batch_size = tf.shape(real_images)[0]
        for _ in range(self.critic_steps):
            with tf.GradientTape() as tape:
                fake_images = self.generator(tf.random.normal((batch_size, self.latent_dim)), training=True)
                c_wass_loss = (tf.reduce_mean(self.critic(fake_images, training=True))
                               - tf.reduce_mean(self.critic(real_images, training=True)))
                c_gp = self.gradient_penalty(batch_size, real_images, fake_images)
                c_loss = c_wass_loss + c_gp * self.gp_weight
            c_gradient = tape.gradient(c_loss, self.critic.trainable_variables)
            self.c_optimizer.apply_gradients(zip(c_gradient, self.critic.trainable_variables))
        with tf.GradientTape() as tape:
            fake_images = self.generator(tf.random.normal((batch_size, self.latent_dim)), training=True)
            g_loss = -tf.reduce_mean(self.critic(fake_images, training=True))
        gen_gradient = tape.gradient(g_loss, self.generator.trainable_variables)
        self.g_optimizer.apply_gradients(zip(gen_gradient, self.generator.trainable_variables))
        return {"c_loss": c_loss, "c_gp": c_gp, "g_loss": g_loss}


wgangp = WGANGP(critic, generator, Z_DIM, CRITIC_STEPS, GP_WEIGHT)
wgangp.compile()
history = wgangp.fit(train, batch_size=BATCH_SIZE, epochs=1, verbose=0)
print({k: round(v[-1], 3) for k, v in history.history.items()})
