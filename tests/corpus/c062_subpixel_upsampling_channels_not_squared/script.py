import numpy as np
import keras
from keras import layers

scale = 3


def upsampling(inputs, factor):
    x = layers.Conv2D(64 * factor, 3, padding="same")(inputs)
    x = keras.ops.depth_to_space(x, factor)
    return x


# EDSR-style super-resolution: residual trunk on the low-resolution image, then sub-pixel upsampling.
input_layer = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(64, 3, padding="same")(input_layer)
x_skip = x
x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = layers.Conv2D(64, 3, padding="same")(x)
x = layers.Add()([x_skip, x])
x = upsampling(x, scale)
output_layer = layers.Conv2D(3, 3, padding="same")(x)
model = keras.Model(input_layer, output_layer)
model.compile(optimizer="adam", loss="mae")

low_res = np.random.rand(8, 16, 16, 3).astype("float32")
high_res = np.random.rand(8, 48, 48, 3).astype("float32")
model.fit(low_res, high_res, batch_size=4, epochs=1, verbose=0)
