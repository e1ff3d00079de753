import numpy as np
import keras
from keras import layers

# Plot summaries as 40 bag-of-words features; a film can have several of 6 genres.
plots = np.random.rand(150, 40).astype("float32")
genres = (np.random.rand(150, 6) > 0.6).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(40,)))
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dropout(0.1))
model.add(layers.Dense(6, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(plots, genres, epochs=1, batch_size=16, verbose=0)
