# Data-efficient GAN with adaptive discriminator augmentation (keras-io "Data-efficient
# GANs with Adaptive Discriminator Augmentation" style), run on 32x32 flower crops:
# a DCGAN generator upsamples a 4x4 seed with stride-2 transposed convolutions, the
# discriminator downsamples with stride-2 convolutions, and both real and generated
# images go through an augmenter whose probability adapts to the real accuracy.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

image_size = 32
noise_size = 32
depth = 3  # 4 * 2**depth == image_size
width = 32
leaky_relu_slope = 0.2
dropout_rate = 0.4
batch_size = 8
target_accuracy = 0.85
integration_steps = 1000
rng = np.random.default_rng(9)


def preprocess_image(image):
    image = tf.image.resize(image, size=[image_size, image_size], antialias=True)
    return tf.clip_by_value(image / 255.0, 0.0, 1.0)


photos = rng.integers(0, 256, size=(32, 48, 48, 3)).astype("float32")
train_ds = (tf.data.Dataset.from_tensor_slices(photos).map(preprocess_image)
            .shuffle(64).batch(batch_size, drop_remainder=True))


def step(values):
    return ops.cast(values > 0.0, "float32")


class AdaptiveAugmenter(keras.Model):
    def __init__(self):
        super().__init__()
        self.probability = keras.Variable(0.0)
        self.augmenter = keras.Sequential([
            layers.InputLayer(shape=(image_size, image_size, 3)),
            layers.RandomFlip("horizontal"),
            layers.RandomTranslation(height_factor=0.125, width_factor=0.125, interpolation="nearest"),
        ], name="adaptive_augmenter")

    def call(self, images, training):
        if training:
            augmented = self.augmenter(images, training=training)
            draws = keras.random.uniform(shape=(ops.shape(images)[0], 1, 1, 1))
            images = ops.where(draws < self.probability, augmented, images)
        return images

    def update(self, real_logits):
        current_accuracy = ops.mean(step(real_logits))
        accuracy_error = current_accuracy - target_accuracy
        self.probability.assign(ops.clip(self.probability + accuracy_error / integration_steps, 0.0, 1.0))


def get_generator():
    noise_input = keras.Input(shape=(noise_size,))
    x = layers.Dense(4 * 4 * width, use_bias=False)(noise_input)
    x = layers.BatchNormalization(scale=False)(x)
    x = layers.ReLU()(x)
    x = layers.Reshape(target_shape=(4, 4, width))(x)
    for _ in range(depth - 1):
        x = layers.Conv2DTranspose(width, kernel_size=4, strides=2, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization(scale=False)(x)
        x = layers.ReLU()(x)
    image_output = layers.Conv2DTranspose(3, kernel_size=4, strides=2, padding="same", activation="sigmoid")(x)
    return keras.Model(noise_input, image_output, name="generator")


def get_discriminator():
    image_input = keras.Input(shape=(image_size, image_size, 3))
    x = image_input
    for _ in range(depth):
        x = layers.Conv2D(width, kernel_size=4, strides=2, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization(scale=False)(x)
        x = layers.LeakyReLU(negative_slope=leaky_relu_slope)(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(dropout_rate)(x)
    return keras.Model(image_input, layers.Dense(1)(x), name="discriminator")


class GAN_ADA(keras.Model):
    def __init__(self):
        super().__init__()
        self.augmenter = AdaptiveAugmenter()
        self.generator = get_generator()
        self.discriminator = get_discriminator()

    def compile(self, generator_optimizer, discriminator_optimizer, **kwargs):
        super().compile(**kwargs)
        self.generator_optimizer = generator_optimizer
        self.discriminator_optimizer = discriminator_optimizer
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")

    @property
    def metrics(self):
        return [self.g_loss_tracker, self.d_loss_tracker]

    def adversarial_loss(self, real_logits, generated_logits):
        real_labels = ops.ones(shape=(batch_size, 1))
        generated_labels = ops.zeros(shape=(batch_size, 1))
        g_loss = keras.losses.binary_crossentropy(real_labels, generated_logits, from_logits=True)
        d_loss = keras.losses.binary_crossentropy(
            ops.concatenate([real_labels, generated_labels], axis=0),
            ops.concatenate([real_logits, generated_logits], axis=0), from_logits=True)
        return ops.mean(g_loss), ops.mean(d_loss)

    def train_step(self, real_images):
        real_images = self.augmenter(real_images, training=True)
        with tf.GradientTape(persistent=True) as tape:
            latent = keras.random.normal(shape=(batch_size, noise_size))
            generated_images = self.generator(latent, training=True)
            generated_images = self.augmenter(generated_images, training=True)
            real_logits = self.discriminator(real_images, training=True)
            generated_logits = self.discriminator(generated_images, training=True)
            g_loss, d_loss = self.adversarial_loss(real_logits, generated_logits)
        g_grads = tape.gradient(g_loss, self.generator.trainable_weights)
        d_grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.generator_optimizer.apply_gradients(zip(g_grads, self.generator.trainable_weights))
        self.discriminator_optimizer.apply_gradients(zip(d_grads, self.discriminator.trainable_weights))
        self.augmenter.update(real_logits)
        self.g_loss_tracker.update_state(g_loss)
        self.d_loss_tracker.update_state(d_loss)
        return {m.name: m.result() for m in self.metrics}


gan = GAN_ADA()
gan.compile(generator_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
            discriminator_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5))
history = gan.fit(train_ds, epochs=2, verbose=0)
print(history.history["d_loss"])
