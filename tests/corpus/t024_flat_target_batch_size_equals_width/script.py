import numpy as np
import keras
from keras import layers

# Predict a single yield value per field from 10 soil measurements.
# The last hidden width was left as the output; batch size happens to match it.
x = np.random.rand(64, 10).astype("float32")
y = np.random.rand(64).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(10,)))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(32))
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
