import numpy as np
import keras
from keras import layers

# Tabular residual block: the shortcut projection was given 1 unit.
x = np.random.rand(64, 20).astype("float32")
y = np.random.rand(64, 1).astype("float32")

inputs = keras.Input(shape=(20,))
main = layers.Dense(64, activation="relu")(inputs)
main = layers.Dense(64)(main)
shortcut = layers.Dense(1)(inputs)
merged = layers.Add()([main, shortcut])
merged = layers.Activation("relu")(merged)
outputs = layers.Dense(1)(merged)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
