# pix2pix-style U-Net generator (image-to-image translation) trained with an L1 loss.
import numpy as np
import tensorflow as tf

OUTPUT_CHANNELS = 3


def downsample(filters, size, apply_batchnorm=True):
    initializer = tf.random_normal_initializer(0.0, 0.02)
    result = tf.keras.Sequential()
    result.add(tf.keras.layers.Conv2D(filters, size, strides=2, padding="same",
                                      kernel_initializer=initializer, use_bias=False))
    if apply_batchnorm:
        result.add(tf.keras.layers.BatchNormalization())
    result.add(tf.keras.layers.LeakyReLU())
    return result


def upsample(filters, size, apply_dropout=False):
    initializer = tf.random_normal_initializer(0.0, 0.02)
    result = tf.keras.Sequential()
    result.add(tf.keras.layers.Conv2DTranspose(filters, size, strides=2, padding="same",
                                               kernel_initializer=initializer, use_bias=False))
    result.add(tf.keras.layers.BatchNormalization())
    if apply_dropout:
        result.add(tf.keras.layers.Dropout(0.5))
    result.add(tf.keras.layers.ReLU())
    return result


def Generator():
    inputs = tf.keras.layers.Input(shape=[64, 64, 3])
    down_stack = [downsample(16, 4, apply_batchnorm=False), downsample(32, 4), downsample(64, 4), downsample(64, 4)]
    up_stack = [upsample(64, 4, apply_dropout=True), upsample(32, 4), upsample(16, 4)]
    initializer = tf.random_normal_initializer(0.0, 0.02)
    last = tf.keras.layers.Conv2DTranspose(OUTPUT_CHANNELS, 4, strides=2, padding="same",
                                           kernel_initializer=initializer, activation="tanh")
    x = inputs
    skips = []
    for down in down_stack:
        x = down(x)
        skips.append(x)
    skips = reversed(skips[:-1])
    for up, skip in zip(up_stack, skips):
        x = up(x)
        x = tf.keras.layers.Concatenate(axis=1)([x, skip])
    x = last(x)
    return tf.keras.Model(inputs=inputs, outputs=x)


rng = np.random.default_rng(2)
input_images = rng.uniform(-1, 1, size=(32, 64, 64, 3)).astype("float32")
target_images = rng.uniform(-1, 1, size=(32, 64, 64, 3)).astype("float32")

generator = Generator()
generator.compile(optimizer=tf.keras.optimizers.Adam(2e-4, beta_1=0.5), loss="mae")
generator.fit(input_images, target_images, batch_size=8, epochs=1, verbose=0)
print(generator.predict(input_images[:1], verbose=0).shape)
