# Digit GAN trained with a hand-written loop: a conv discriminator scores 28x28x1
# images, a Conv2DTranspose generator maps latent points to images, and each step
# trains the discriminator on fake + real images, then the generator through it.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(797)
digits = rng.integers(0, 256, size=(96, 28, 28)).astype("uint8")

critic = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, (3, 3), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2D(64, (3, 3), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.GlobalMaxPooling2D(),
        layers.Dense(1),
    ],
    name="critic",
)

code_size = 64
maker = keras.Sequential(
    [
        keras.Input(shape=(code_size,)),
        layers.Dense(7 * 7 * 64),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Reshape((7, 7, 64)),
        layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2D(1, (7, 7), padding="same", activation="sigmoid"),
    ],
    name="maker",
)

critic_opt = keras.optimizers.Adam(learning_rate=3e-4)
maker_opt = keras.optimizers.Adam(learning_rate=3e-4)
bce = keras.losses.BinaryCrossentropy(from_logits=True)


@tf.function
def gan_step(real_batch):
    n = tf.shape(real_batch)[0]
    codes = tf.random.normal(shape=(n, code_size))
    fakes = maker(codes)
    mixed = tf.concat([fakes, real_batch], axis=0)
    targets = tf.concat([tf.ones((n, 1)), tf.zeros((n, 1))], axis=0)
    targets += 0.05 * tf.random.uniform(tf.shape(targets))
    with tf.GradientTape() as tape:
        scores = critic(mixed)
        critic_loss = bce(targets, scores)
    grads = tape.gradient(critic_loss, critic.trainable_weights)
    critic_opt.apply_gradients(zip(grads, critic.trainable_weights))

    codes = tf.random.normal(shape=(n, code_size))
    fooled = tf.zeros((n, 1))
    with tf.GradientTape() as tape:
        scores = critic(maker(codes))
        maker_loss = bce(fooled, scores)
    grads = tape.gradient(maker_loss, maker.trainable_weights)
    maker_opt.apply_gradients(zip(grads, maker.trainable_weights))
    return critic_loss, maker_loss


images = digits.astype("float32") / 255.0
dataset = tf.data.Dataset.from_tensor_slices(images).shuffle(96).batch(32)

for step, real_batch in enumerate(dataset):
    d_loss, g_loss = gan_step(real_batch)
    print(step, float(d_loss), float(g_loss))
