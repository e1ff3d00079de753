import numpy as np
import keras
from keras import layers

# Residual stage that doubles the width without a projection shortcut.
inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 7, padding="same", activation="relu")(inputs)
y = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
y = layers.Conv2D(64, 3, padding="same")(y)
y = layers.BatchNormalization()(y)
x = layers.Add()([x, y])
x = layers.Activation("relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
