import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

upscale_factor = 3
crop_size = 48
input_size = crop_size // upscale_factor

# Low-resolution Y channels and their high-resolution targets.
x_train = np.random.rand(16, input_size, input_size, 1).astype("float32")
y_train = np.random.rand(16, crop_size, crop_size, 1).astype("float32")


class DepthToSpace(layers.Layer):
    """Sub-pixel shuffle: (H, W, C * r * r) -> (H * r, W * r, C)."""

    def __init__(self, block_size, **kwargs):
        super().__init__(**kwargs)
        self.block_size = block_size

    def call(self, x):
        return tf.nn.depth_to_space(x, self.block_size)


def get_model(upscale_factor=3, channels=1):
    conv_args = {"activation": "relu", "kernel_initializer": "Orthogonal", "padding": "same"}
    inputs = keras.Input(shape=(None, None, channels))
    x = layers.Conv2D(32, 5, **conv_args)(inputs)
    x = layers.Conv2D(32, 3, **conv_args)(x)
    x = layers.Conv2D(16, 3, **conv_args)(x)
    x = layers.Conv2D(channels * (upscale_factor ** 2), 3, **conv_args)(x)
    outputs = DepthToSpace(upscale_factor)(x)
    return keras.Model(inputs, outputs)


model = get_model(upscale_factor=upscale_factor, channels=1)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
low_res = np.random.rand(1, 20, 24, 1).astype("float32")  # any size: the model is fully convolutional
upscaled = model.predict(low_res, verbose=0)
print(upscaled.shape)
