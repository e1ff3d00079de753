import numpy as np
import keras
from keras import layers

# Stock windows: 30 days x 4 features -> tomorrow's closing price.
X = np.random.rand(64, 30, 4).astype("float32")
y = np.random.rand(64, 1).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(30, 4)))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
