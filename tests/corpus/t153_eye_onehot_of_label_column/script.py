import numpy as np
import keras
from keras import layers

# Sensor readings (12 per sample); the activity id (0..3) was read as a column.
readings = np.random.rand(96, 12).astype("float32")
activity = np.random.randint(0, 4, size=(96, 1))
activity_onehot = np.eye(4)[activity]

inputs = keras.Input(shape=(12,))
x = layers.Dense(32, activation="relu")(inputs)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(readings, activity_onehot, epochs=1, batch_size=16, verbose=0)
