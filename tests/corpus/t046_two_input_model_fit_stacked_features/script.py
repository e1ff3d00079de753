import numpy as np
import keras
from keras import layers

# House prices: 6 numeric features and a 12-d neighbourhood embedding, two inputs,
# but the two arrays were glued side by side before fit.
rng = np.random.default_rng(6)
numeric = rng.random((128, 6)).astype("float32")
neighbourhood = rng.random((128, 12)).astype("float32")
price = rng.random((128, 1)).astype("float32")
features = np.hstack([numeric, neighbourhood])

num_in = keras.Input(shape=(6,), name="numeric")
nb_in = keras.Input(shape=(12,), name="neighbourhood")
h = layers.Concatenate()([layers.Dense(8, activation="relu")(num_in), layers.Dense(8, activation="relu")(nb_in)])
out = layers.Dense(1)(h)
model = keras.Model(inputs=[num_in, nb_in], outputs=out)
model.compile(optimizer="adam", loss="mse")
model.fit(features, price, epochs=1, batch_size=32, verbose=0)
