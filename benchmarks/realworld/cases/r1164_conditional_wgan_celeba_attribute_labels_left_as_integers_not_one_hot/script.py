import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMAGE_SIZE, CHANNELS, CLASSES, Z_DIM, BATCH_SIZE = 32, 3, 2, 32, 16

# toy face crops (uint8) with a binary attribute label (e.g. blond hair: 1, other: 0)
rng = np.random.default_rng(4)
images = rng.integers(0, 256, size=(64, IMAGE_SIZE, IMAGE_SIZE, CHANNELS)).astype("uint8")
int_labels = rng.integers(0, CLASSES, size=64)
train_data = tf.data.Dataset.from_tensor_slices((images, int_labels)).shuffle(64).batch(BATCH_SIZE)
train = train_data.map(lambda x, y: ((tf.cast(x, "float32") - 127.5) / 127.5, y))

critic_input = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, CHANNELS))
label_input = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, CLASSES))
x = layers.Concatenate(axis=-1)([critic_input, label_input])
for filters in (32, 64, 64):
    x = layers.LeakyReLU(0.2)(layers.Conv2D(filters, 4, strides=2, padding="same")(x))
critic_output = layers.Flatten()(layers.Conv2D(1, 4, strides=1, padding="valid")(x))
critic = keras.Model([critic_input, label_input], critic_output)

generator_input = keras.Input(shape=(Z_DIM,))
label_input = keras.Input(shape=(CLASSES,))
x = layers.Concatenate(axis=-1)([generator_input, label_input])
x = layers.Reshape((1, 1, Z_DIM + CLASSES))(x)
x = layers.Conv2DTranspose(64, 4, strides=1, padding="valid", use_bias=False)(x)
for filters in (64, 32):
    x = layers.Conv2DTranspose(filters, 4, strides=2, padding="same", use_bias=False)(x)
    x = layers.LeakyReLU(0.2)(layers.BatchNormalization(momentum=0.9)(x))
generator_output = layers.Conv2DTranspose(CHANNELS, 4, strides=2, padding="same", activation="tanh")(x)
generator = keras.Model([generator_input, label_input], generator_output)


class ConditionalWGAN(keras.Model):
    def __init__(self, critic, generator, gp_weight=10.0):
        super().__init__()
        self.critic, self.generator, self.gp_weight = critic, generator, gp_weight
        self.c_optimizer, self.g_optimizer = [keras.optimizers.Adam(5e-5, beta_1=0.5, beta_2=0.9) for _ in "cg"]

    def train_step(self, data):
        real_images, one_hot_labels = data
        image_one_hot_labels = one_hot_labels[:, None, None, :]
        image_one_hot_labels = tf.repeat(image_one_hot_labels, repeats=IMAGE_SIZE, axis=1)
        image_one_hot_labels = tf.repeat(image_one_hot_labels, repeats=IMAGE_SIZE, axis=2)
        batch_size = tf.shape(real_images)[0]
        z = tf.random.normal(shape=(batch_size, Z_DIM))
        with tf.GradientTape() as tape:
            fake_images = self.generator([z, one_hot_labels], training=True)
            interpolated = real_images + tf.random.uniform([batch_size, 1, 1, 1]) * (fake_images - real_images)
            with tf.GradientTape() as gp_tape:
                gp_tape.watch(interpolated)
                pred = self.critic([interpolated, image_one_hot_labels], training=True)
            norm = tf.sqrt(tf.reduce_sum(tf.square(gp_tape.gradient(pred, interpolated)), axis=[1, 2, 3]))
            c_loss = (tf.reduce_mean(self.critic([fake_images, image_one_hot_labels], training=True))
                      - tf.reduce_mean(self.critic([real_images, image_one_hot_labels], training=True))
                      + self.gp_weight * tf.reduce_mean((norm - 1.0) ** 2))
        self.c_optimizer.apply_gradients(zip(tape.gradient(c_loss, self.critic.trainable_variables), self.critic.trainable_variables))
        with tf.GradientTape() as tape:
            fake_images = self.generator([tf.random.normal(shape=(batch_size, Z_DIM)), one_hot_labels], training=True)
            g_loss = -tf.reduce_mean(self.critic([fake_images, image_one_hot_labels], training=True))
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, self.generator.trainable_variables), self.generator.trainable_variables))
        return {"c_loss": c_loss, "g_loss": g_loss}


cgan = ConditionalWGAN(critic, generator)
cgan.compile()
cgan.fit(train, epochs=1, verbose=0)
print(generator.predict([np.random.normal(size=(2, Z_DIM)), np.repeat([[1, 0]], 2, axis=0)], verbose=0).shape)
