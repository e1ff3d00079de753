# U-Net generator of pix2pix (8 strided downsample blocks, 7 upsample blocks
# concatenated with the mirrored skips), after the TensorFlow tutorial
# "pix2pix: Image-to-image translation with a conditional GAN"; narrow filters
# for a quick check on my 250x250 facade photos.
import numpy as np
import tensorflow as tf

OUTPUT_CHANNELS = 3
IMG_HEIGHT = 250
IMG_WIDTH = 250


def downsample(filters, size, apply_batchnorm=True):
    initializer = tf.random_normal_initializer(0., 0.02)
    result = tf.keras.Sequential()
    result.add(
        tf.keras.layers.Conv2D(filters, size, strides=2, padding='same',
                               kernel_initializer=initializer, use_bias=False))
    if apply_batchnorm:
        result.add(tf.keras.layers.BatchNormalization())
    result.add(tf.keras.layers.LeakyReLU())
    return result


def upsample(filters, size, apply_dropout=False):
    initializer = tf.random_normal_initializer(0., 0.02)
    result = tf.keras.Sequential()
    result.add(
        tf.keras.layers.Conv2DTranspose(filters, size, strides=2,
                                        padding='same',
                                        kernel_initializer=initializer,
                                        use_bias=False))
    result.add(tf.keras.layers.BatchNormalization())
    if apply_dropout:
        result.add(tf.keras.layers.Dropout(0.5))
    result.add(tf.keras.layers.ReLU())
    return result


def Generator():
    inputs = tf.keras.layers.Input(shape=[IMG_HEIGHT, IMG_WIDTH, 3])

    down_stack = [
        downsample(8, 4, apply_batchnorm=False),
        downsample(16, 4),
        downsample(32, 4),
        downsample(64, 4),
        downsample(64, 4),
        downsample(64, 4),
        downsample(64, 4),
        downsample(64, 4),
    ]
    up_stack = [
        upsample(64, 4, apply_dropout=True),
        upsample(64, 4, apply_dropout=True),
        upsample(64, 4, apply_dropout=True),
        upsample(64, 4),
        upsample(32, 4),
        upsample(16, 4),
        upsample(8, 4),
    ]

    initializer = tf.random_normal_initializer(0., 0.02)
    last = tf.keras.layers.Conv2DTranspose(OUTPUT_CHANNELS, 4,
                                           strides=2,
                                           padding='same',
                                           kernel_initializer=initializer,
                                           activation='tanh')

    x = inputs
    # Downsampling through the model
    skips = []
    for down in down_stack:
        x = down(x)
        skips.append(x)
    skips = reversed(skips[:-1])

    # Upsampling and establishing the skip connections
    for up, skip in zip(up_stack, skips):
        x = up(x)
        x = tf.keras.layers.Concatenate()([x, skip])

    x = last(x)
    return tf.keras.Model(inputs=inputs, outputs=x)


generator = Generator()
inp = np.random.uniform(-1, 1, size=(IMG_HEIGHT, IMG_WIDTH, 3)).astype("float32")
gen_output = generator(inp[tf.newaxis, ...], training=False)
print(gen_output.shape)
