import numpy as np
import keras
from keras import layers

# Sensor readings (one row of 20 values per sample) pushed through a couple of
# dense layers before a recurrent layer.
model = keras.Sequential()
model.add(layers.Dense(5, input_shape=(20,)))
model.add(layers.Dense(10))
model.add(layers.LSTM(32))
model.add(layers.Dropout(0.3))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")

x = np.random.rand(8, 20).astype("float32")
print(model.predict(x, verbose=0).shape)
