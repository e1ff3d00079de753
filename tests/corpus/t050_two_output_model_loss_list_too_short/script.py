import numpy as np
import keras
from keras import layers

# Listing model: predict the sale price and whether the flat sells within a month.
rng = np.random.default_rng(10)
listings = rng.random((96, 20)).astype("float32")
price = rng.random((96, 1)).astype("float32")
sold_fast = rng.integers(0, 2, size=(96, 1)).astype("float32")

inp = keras.Input(shape=(20,))
h = layers.Dense(32, activation="relu")(inp)
price_out = layers.Dense(1, name="price")(h)
sold_out = layers.Dense(1, activation="sigmoid", name="sold_fast")(h)
model = keras.Model(inp, [price_out, sold_out])
model.compile(optimizer="adam", loss=["mse"])
model.fit(listings, [price, sold_fast], epochs=1, batch_size=32, verbose=0)
