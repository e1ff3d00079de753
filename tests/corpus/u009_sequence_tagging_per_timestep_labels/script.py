import numpy as np
import keras
from keras import layers

# Part-of-speech tagging: one tag id (of 6) per token, labels shaped (N, 15).
# Dense layers on the (None, 15, 16) sequence are intended here.
words = np.random.randint(1, 400, size=(32, 15))
tags = np.random.randint(0, 6, size=(32, 15))

inputs = keras.Input(shape=(15,))
h = layers.Embedding(400, 32)(inputs)
h = layers.Conv1D(16, 3, padding="same", activation="relu")(h)
h = layers.Dense(32, activation="relu")(h)
outputs = layers.Dense(6, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(words, tags, epochs=1, batch_size=16, verbose=0)
