import numpy as np
import keras
from keras import layers

# Five sensor channels, one row per reading: no windowing into sequences.
X = np.random.rand(64, 5).astype("float32")
y = np.random.rand(64, 1).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(None, 5)))
model.add(layers.LSTM(32))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
