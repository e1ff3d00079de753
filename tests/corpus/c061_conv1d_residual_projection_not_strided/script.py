import numpy as np
import keras
from keras import layers

# 1-D residual network over sensor windows: 128 steps of 3 channels.
inputs = keras.Input(shape=(128, 3))
x = layers.Conv1D(32, 3, padding="same", activation="relu")(inputs)
residual = x
x = layers.Conv1D(64, 3, padding="same", activation="relu")(x)
x = layers.Conv1D(64, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling1D(2, padding="same")(x)
residual = layers.Conv1D(64, 1)(residual)
x = layers.add([x, residual])
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

windows = np.random.rand(32, 128, 3).astype("float32")
activity = np.random.randint(0, 5, size=(32,))
model.fit(windows, activity, batch_size=8, epochs=1, verbose=0)
