"""Text-line recognizer: a small CNN turns a 200x200 scan into a sequence of
column features that a bidirectional GRU reads from left to right."""
import numpy as np
import keras
from keras import layers

img_size = 200
n_chars = 30
rng = np.random.default_rng(8)

images = rng.random((16, img_size, img_size, 1)).astype("float32")
targets = keras.utils.to_categorical(rng.integers(0, n_chars, size=(16, 50)), n_chars)

inputs = keras.Input(shape=(img_size, img_size, 1))
x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D()(x)                      # (50, 50, 64)
x = layers.Reshape((50, 768))(x)
x = layers.Bidirectional(layers.GRU(32, return_sequences=True))(x)
outputs = layers.Dense(n_chars, activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, targets, batch_size=4, epochs=1, verbose=0)
