import numpy as np
import keras
from keras import layers


def residual_block(x, filters):
    shortcut = layers.Conv2D(filters, 1, padding="same")(x)
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    y = layers.Add()([shortcut, y])
    return layers.Activation("relu")(y)


inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(32, 3, padding="same")(inputs)
x = residual_block(x, 64)
x = layers.Reshape((16, -1))(x)
x = layers.LSTM(8)(x)
outputs = layers.Dense(2)(x)
model = keras.Model(inputs, outputs)
print(model(np.random.rand(2, 16, 16, 3).astype("float32")).shape)
