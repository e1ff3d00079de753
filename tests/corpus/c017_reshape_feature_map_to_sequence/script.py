import numpy as np
import keras
from keras import layers

# Treat each image row as a time step for an LSTM (CRNN style).
inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.BatchNormalization()(x)
x = layers.Reshape((28, 28))(x)
x = layers.LSTM(64)(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

images = np.random.rand(2, 28, 28, 1).astype("float32")
print(model(images).shape)
