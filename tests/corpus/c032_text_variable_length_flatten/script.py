import numpy as np
import keras
from keras import layers

vocab_size = 3000

tokens = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(vocab_size, 64)(tokens)
x = layers.Dropout(0.3)(x)
x = layers.Flatten()(x)
x = layers.Dense(32, activation="relu")(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(tokens, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
