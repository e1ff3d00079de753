import numpy as np
import keras
from keras import layers

time_dim = 64


def residual_block(width):
    def apply(inputs):
        x, t = inputs
        if x.shape[-1] == width:
            residual = x
        else:
            residual = layers.Conv2D(width, 1)(x)
        temb = layers.Activation("swish")(t)
        temb = layers.Dense(time_dim)(temb)
        temb = layers.Reshape((1, 1, -1))(temb)
        x = layers.GroupNormalization(groups=8)(x)
        x = layers.Activation("swish")(x)
        x = layers.Conv2D(width, 3, padding="same")(x)
        x = layers.Add()([x, temb])
        x = layers.GroupNormalization(groups=8)(x)
        x = layers.Activation("swish")(x)
        x = layers.Conv2D(width, 3, padding="same")(x)
        return layers.Add()([x, residual])

    return apply


image_input = keras.Input(shape=(16, 16, 3))
time_input = keras.Input(shape=(time_dim,))
x = layers.Conv2D(16, 3, padding="same")(image_input)
temb = layers.Dense(time_dim, activation="swish")(time_input)
temb = layers.Dense(time_dim)(temb)
x = residual_block(32)([x, temb])
x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
x = residual_block(32)([x, temb])
x = layers.UpSampling2D(2)(x)
x = layers.Conv2D(3, 3, padding="same")(x)
model = keras.Model([image_input, time_input], x)

images = np.random.rand(4, 16, 16, 3).astype("float32")
times = np.random.rand(4, time_dim).astype("float32")
model.compile(optimizer="adam", loss="mse")
model.fit([images, times], images, epochs=1, batch_size=2, verbose=0)
