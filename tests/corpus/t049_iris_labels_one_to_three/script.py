import numpy as np
import keras
from keras import layers

# Iris species coded 1, 2, 3 (R-style factor codes); three softmax units.
rng = np.random.default_rng(9)
measurements = rng.random((150, 4)).astype("float32")
species = np.repeat([1, 2, 3], 50)

model = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(measurements, species, epochs=1, batch_size=50, shuffle=True, verbose=0)
