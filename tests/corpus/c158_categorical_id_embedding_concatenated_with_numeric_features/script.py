import numpy as np
import keras
from keras import layers

# Sales regression: one categorical store id (embedded) next to six numeric features.
store_input = keras.Input(shape=(1,), dtype="int32")
numeric_input = keras.Input(shape=(6,))
store_vec = layers.Embedding(input_dim=50, output_dim=8)(store_input)
numeric = layers.Dense(16, activation="relu")(numeric_input)
merged = layers.Concatenate()([store_vec, numeric])
hidden = layers.Dense(32, activation="relu")(merged)
outputs = layers.Dense(1)(hidden)
model = keras.Model([store_input, numeric_input], outputs)

stores = np.random.randint(0, 50, size=(32, 1))
features = np.random.rand(32, 6).astype("float32")
sales = np.random.rand(32, 1).astype("float32")
model.compile(optimizer="adam", loss="mse")
model.fit([stores, features], sales, epochs=1, batch_size=8, verbose=0)
