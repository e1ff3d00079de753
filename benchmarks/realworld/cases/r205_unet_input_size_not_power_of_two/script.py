import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

FILTER_NUM, FILTER_SIZE, UP_SAMP_SIZE = 8, 3, 2

# 4 gridded fields of 51 x 51 points with 7 variables, one target value per point
fields = np.random.rand(4, 51, 51, 7).astype("float32")
targets = np.random.rand(4, 51, 51, 1).astype("float32")


def conv_block(x, size):
    conv = layers.Conv2D(size, (FILTER_SIZE, FILTER_SIZE), padding="same")(x)
    conv = layers.Activation("relu")(conv)
    conv = layers.Conv2D(size, (FILTER_SIZE, FILTER_SIZE), padding="same")(conv)
    return layers.Activation("relu")(conv)


inputs = layers.Input((51, 51, 7), dtype=tf.float32)
# Downsampling layers
conv_51 = conv_block(inputs, FILTER_NUM)
pool_25 = layers.MaxPooling2D(pool_size=(2, 2))(conv_51)
conv_25 = conv_block(pool_25, 2 * FILTER_NUM)
pool_12 = layers.MaxPooling2D(pool_size=(2, 2))(conv_25)
conv_12 = conv_block(pool_12, 4 * FILTER_NUM)
# Upsampling layers
up_24 = layers.UpSampling2D(size=(UP_SAMP_SIZE, UP_SAMP_SIZE))(conv_12)
up_24 = layers.concatenate([up_24, conv_25], axis=3)
up_conv_24 = conv_block(up_24, 2 * FILTER_NUM)
up_48 = layers.UpSampling2D(size=(UP_SAMP_SIZE, UP_SAMP_SIZE))(up_conv_24)
up_48 = layers.concatenate([up_48, conv_51], axis=3)
up_conv_48 = conv_block(up_48, FILTER_NUM)
outputs = layers.Conv2D(1, (1, 1))(up_conv_48)

model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(fields, targets, batch_size=2, epochs=1, verbose=0)
