# Wasserstein GAN with gradient penalty on 32x32 grayscale images: one interpolation
# weight per image, broadcast over height, width and channels.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

latent_size = 24

critic = keras.Sequential([
    keras.Input(shape=(32, 32, 1)),
    layers.Conv2D(8, 4, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.Conv2D(16, 4, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1),
], name="critic")

maker = keras.Sequential([
    keras.Input(shape=(latent_size,)),
    layers.Dense(8 * 8 * 16),
    layers.LeakyReLU(0.2),
    layers.Reshape((8, 8, 16)),
    layers.Conv2DTranspose(8, 4, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh"),
], name="maker")


class PenalizedWGAN(keras.Model):
    def __init__(self, critic, maker, latent_size, critic_steps=2, penalty_weight=10.0):
        super().__init__()
        self.critic = critic
        self.maker = maker
        self.latent_size = latent_size
        self.critic_steps = critic_steps
        self.penalty_weight = penalty_weight

    def compile(self, critic_optimizer, maker_optimizer):
        super().compile()
        self.critic_optimizer = critic_optimizer
        self.maker_optimizer = maker_optimizer

    def penalty(self, n, real, fake):
        mix = tf.random.uniform([n, 1, 1, 1], 0.0, 1.0)
        blended = real + mix * (fake - real)
        with tf.GradientTape() as inner_tape:
            inner_tape.watch(blended)
            scores = self.critic(blended, training=True)
        slopes = inner_tape.gradient(scores, [blended])[0]
        slope_norm = tf.sqrt(tf.reduce_sum(tf.square(slopes), axis=[1, 2, 3]))
        return tf.reduce_mean((slope_norm - 1.0) ** 2)

    def train_step(self, real):
        n = tf.shape(real)[0]
        for _ in range(self.critic_steps):
            noise = tf.random.normal((n, self.latent_size))
            with tf.GradientTape() as tape:
                fake = self.maker(noise, training=True)
                critic_loss = (tf.reduce_mean(self.critic(fake, training=True))
                               - tf.reduce_mean(self.critic(real, training=True)))
                critic_loss += self.penalty_weight * self.penalty(n, real, fake)
            grads = tape.gradient(critic_loss, self.critic.trainable_variables)
            self.critic_optimizer.apply_gradients(zip(grads, self.critic.trainable_variables))
        noise = tf.random.normal((n, self.latent_size))
        with tf.GradientTape() as tape:
            maker_loss = -tf.reduce_mean(self.critic(self.maker(noise, training=True), training=True))
        grads = tape.gradient(maker_loss, self.maker.trainable_variables)
        self.maker_optimizer.apply_gradients(zip(grads, self.maker.trainable_variables))
        return {"critic_loss": critic_loss, "maker_loss": maker_loss}


rng = np.random.default_rng(70)
pictures = rng.uniform(-1.0, 1.0, size=(40, 32, 32, 1)).astype("float32")

gan = PenalizedWGAN(critic, maker, latent_size)
gan.compile(critic_optimizer=keras.optimizers.Adam(1e-4, beta_1=0.5, beta_2=0.9),
            maker_optimizer=keras.optimizers.Adam(1e-4, beta_1=0.5, beta_2=0.9))
history = gan.fit(pictures, batch_size=8, epochs=1, verbose=0)
print(sorted(history.history))
