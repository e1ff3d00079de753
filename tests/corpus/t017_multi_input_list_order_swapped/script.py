import numpy as np
import keras
from keras import layers

# Product price model: bag-of-words description (50) plus numeric metadata (6).
desc_x = np.random.rand(64, 50).astype("float32")
meta_x = np.random.rand(64, 6).astype("float32")
price_y = np.random.rand(64, 1).astype("float32")

desc_in = keras.Input(shape=(50,), name="description")
meta_in = keras.Input(shape=(6,), name="metadata")
d = layers.Dense(16, activation="relu")(desc_in)
m = layers.Dense(4, activation="relu")(meta_in)
h = layers.Concatenate()([d, m])
price = layers.Dense(1)(h)
model = keras.Model(inputs=[desc_in, meta_in], outputs=price)
model.compile(optimizer="adam", loss="mse")
model.fit([meta_x, desc_x], price_y, epochs=1, batch_size=16, verbose=0)
