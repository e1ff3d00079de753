import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_channels = 12   # accelerometer + gyroscope axes

model = keras.Sequential()
model.add(layers.Conv1D(32, 3, activation="relu", input_shape=(None, n_channels)))
model.add(layers.MaxPooling1D(2))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(6, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
