# GAN on 28x28 digits trained with a hand-written tf.function step (keras-io
# "writing a training loop from scratch" style): fake and real images are
# concatenated and the discriminator is trained on 1 (fake) / 0 (real) labels.
import numpy as np
import tensorflow as tf
import keras

noise_dim = 16
critic = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(16, 3, strides=2, padding="same"),
    keras.layers.LeakyReLU(negative_slope=0.2),
    keras.layers.Conv2D(32, 3, strides=2, padding="same"),
    keras.layers.LeakyReLU(negative_slope=0.2),
    keras.layers.GlobalMaxPooling2D(),
    keras.layers.Dense(1),
])
painter = keras.Sequential([
    keras.Input(shape=(noise_dim,)),
    keras.layers.Dense(7 * 7 * 32),
    keras.layers.LeakyReLU(negative_slope=0.2),
    keras.layers.Reshape((7, 7, 32)),
    keras.layers.Conv2DTranspose(32, 4, strides=2, padding="same"),
    keras.layers.LeakyReLU(negative_slope=0.2),
    keras.layers.Conv2DTranspose(32, 4, strides=2, padding="same"),
    keras.layers.LeakyReLU(negative_slope=0.2),
    keras.layers.Conv2D(1, 7, padding="same", activation="sigmoid"),
])
critic_opt = keras.optimizers.Adam(3e-4)
painter_opt = keras.optimizers.Adam(4e-4)
bce = keras.losses.BinaryCrossentropy(from_logits=True)


@tf.function
def gan_step(real_images):
    z = tf.random.normal(shape=(batch_size, noise_dim))
    fakes = painter(z)
    mixed = tf.concat([fakes, real_images], axis=0)
    targets = tf.concat([tf.ones((batch_size, 1)), tf.zeros((batch_size, 1))], axis=0)
    targets += 0.05 * tf.random.uniform(tf.shape(targets))
    with tf.GradientTape() as tape:
        scores = critic(mixed)
        d_loss = bce(targets, scores)
    grads = tape.gradient(d_loss, critic.trainable_weights)
    critic_opt.apply(grads, critic.trainable_weights)

    z = tf.random.normal(shape=(batch_size, noise_dim))
    fooled = tf.zeros((batch_size, 1))
    with tf.GradientTape() as tape:
        g_loss = bce(fooled, critic(painter(z)))
    grads = tape.gradient(g_loss, painter.trainable_weights)
    painter_opt.apply(grads, painter.trainable_weights)
    return d_loss, g_loss


batch_size = 16
digits = np.random.default_rng(700).random((40, 28, 28, 1)).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices(digits).shuffle(64).batch(batch_size)
for step, real_batch in enumerate(dataset):
    d_loss, g_loss = gan_step(real_batch)
    print(step, float(d_loss), float(g_loss))
