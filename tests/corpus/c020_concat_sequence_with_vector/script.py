import numpy as np
import keras
from keras import layers

# Review text + a few numeric metadata columns.
text_in = keras.Input(shape=(20,), dtype="int32", name="text")
meta_in = keras.Input(shape=(5,), name="meta")

t = layers.Embedding(input_dim=2000, output_dim=32)(text_in)
t = layers.LSTM(32, return_sequences=True)(t)

m = layers.Dense(16, activation="relu")(meta_in)

merged = layers.Concatenate()([t, m])
x = layers.Dense(32, activation="relu")(merged)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model([text_in, meta_in], out)
model.summary()
