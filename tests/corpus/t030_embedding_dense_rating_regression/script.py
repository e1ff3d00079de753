import numpy as np
import keras
from keras import layers

# Review text (padded word ids, length 25) -> star rating as a number.
tokens = np.random.randint(1, 300, size=(64, 25))
stars = np.random.uniform(1, 5, size=(64,)).astype("float32")

inputs = keras.Input(shape=(25,))
h = layers.Embedding(300, 16)(inputs)
h = layers.Dense(8, activation="relu")(h)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(tokens, stars, epochs=1, batch_size=16, verbose=0)
