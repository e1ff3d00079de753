"""Handwritten letter classifier (a-z) on 16x16 glyph bitmaps; labels read as characters."""
import numpy as np
import keras
from keras import layers

N_LETTERS = 26

rng = np.random.default_rng(5)
glyphs = rng.random((520, 16, 16, 1)).astype("float32")
letters = [chr(ord("a") + i % N_LETTERS) for i in range(520)]
codes = np.array([ord(c) for c in letters])
y = keras.utils.to_categorical(codes)

model = keras.Sequential([
    keras.Input(shape=(16, 16, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(N_LETTERS, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(glyphs, y, batch_size=32, epochs=1, verbose=0)
print(model.evaluate(glyphs, y, verbose=0))
