import numpy as np
import keras
from keras import layers

# Concatenate only needs the non-concat axes to match: 16 + 8 columns is fine.
a_in = keras.Input(shape=(10,))
b_in = keras.Input(shape=(6,))
a = layers.Dense(16, activation="relu")(a_in)
b = layers.Dense(8, activation="relu")(b_in)
merged = layers.Concatenate()([a, b])
out = layers.Dense(1)(merged)
model = keras.Model([a_in, b_in], out)
print(model.predict([np.random.rand(2, 10), np.random.rand(2, 6)], verbose=0).shape)
