import numpy as np
import tensorflow as tf
import keras
from keras import layers

HEIGHT, WIDTH = 32, 48
BATCH_SIZE = 4

rng = np.random.default_rng(2)
clean = (rng.uniform(size=(24, HEIGHT, WIDTH, 3)) > 0.3).astype("float32")
noisy = np.clip(clean + rng.normal(0, 0.3, clean.shape), 0, 1).astype("float32")
train_pipe = tf.data.Dataset.from_tensor_slices((noisy, clean)).shuffle(24).batch(BATCH_SIZE)


def conv_unit(x, filters):
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def subpixel_upsample(x, target_channels, upscale_ratio=2):
    x = layers.Conv2D(target_channels * upscale_ratio**2, 3, padding="same")(x)
    x = layers.LeakyReLU(0.2)(x)
    return layers.Lambda(lambda t: tf.nn.depth_to_space(t, upscale_ratio))(x)


def upscale_unit(previous_input, current_input, target_channels):
    previous_low_scale = subpixel_upsample(previous_input, target_channels)
    current_high_scale = conv_unit(current_input, target_channels)
    concat_scales = layers.Concatenate(axis=1)([previous_low_scale, current_high_scale])
    return conv_unit(concat_scales, target_channels)


def denoiser():
    d0 = keras.Input((HEIGHT, WIDTH, 3))
    d1 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(d0)
    d2 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(d1)
    d3 = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(d2)
    decode1 = upscale_unit(d3, d2, target_channels=32)
    decode2 = upscale_unit(decode1, d1, target_channels=16)
    decode3 = upscale_unit(decode2, d0, target_channels=8)
    out = layers.Conv2D(3, 5, padding="same", activation="sigmoid")(decode3)
    return keras.Model(d0, out, name="denoiser")


denoiser_net = denoiser()
denoiser_net.compile(optimizer=keras.optimizers.Nadam(1e-3), loss="mse", metrics=["mae"])
denoiser_net.fit(train_pipe, epochs=1, verbose=0)
restored = denoiser_net.predict(noisy[:2], verbose=0)
print("restored:", restored.shape)
