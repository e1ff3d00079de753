import numpy as np
import keras
from keras import layers

# Windows of 10 time steps, 8 sensor channels.
window = keras.Input(shape=(10, 8))
x = layers.Conv1D(32, 5, activation="relu")(window)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(64, 5, activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)
out = layers.Dense(4, activation="softmax")(x)
model = keras.Model(window, out)
print(model.predict(np.random.rand(2, 10, 8), verbose=0).shape)
