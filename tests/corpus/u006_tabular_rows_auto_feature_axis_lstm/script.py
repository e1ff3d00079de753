import numpy as np
import keras
from keras import layers

# Nine-step univariate windows as (N, 9) into Input(shape=(9, 1)):
# Keras 3 adds the trailing feature axis of size 1.
X = np.random.rand(64, 9).astype("float32")
y = np.random.rand(64, 1).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(9, 1)))
model.add(layers.LSTM(16))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
