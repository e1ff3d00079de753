import numpy as np
import keras
from keras import layers

# Leaf images (24x24 RGB), three species stored as class ids 0, 1, 2.
leaves = np.random.rand(90, 24, 24, 3).astype("float32")
species = np.random.randint(0, 3, size=(90,))

model = keras.Sequential()
model.add(keras.Input(shape=(24, 24, 3)))
model.add(layers.Conv2D(16, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.Flatten())
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(leaves, species, epochs=1, batch_size=15, verbose=0)
