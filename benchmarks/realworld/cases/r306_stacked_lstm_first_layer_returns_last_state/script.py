# Two stacked LSTM layers over sequences of 10 steps with 64 features, then a regressor.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(1)
x = rng.normal(size=(64, 10, 64)).astype("float32")
y = rng.normal(size=(64, 1)).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(10, 64)))
model.add(layers.LSTM(32))
# for subsequent layers, no need to specify the input size
model.add(layers.LSTM(16))
model.add(layers.Dense(1))

model.compile(optimizer="rmsprop", loss="mse")
model.fit(x, y, epochs=2, batch_size=16, verbose=0)
print("trained")
