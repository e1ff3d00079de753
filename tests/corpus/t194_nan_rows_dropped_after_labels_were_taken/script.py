import numpy as np
import keras
from keras import layers

# Sensor table: 6 readings and a target per row; some readings are missing (NaN).
table = np.random.rand(120, 7).astype("float32")
table[np.random.choice(120, 9, replace=False), np.random.randint(0, 6)] = np.nan
labels = table[:, -1]
keep = ~np.isnan(table).any(axis=1)
table = table[keep]
features = table[:, :-1]

model = keras.Sequential()
model.add(keras.Input(shape=(6,)))
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(features, labels, epochs=1, batch_size=16, verbose=0)
