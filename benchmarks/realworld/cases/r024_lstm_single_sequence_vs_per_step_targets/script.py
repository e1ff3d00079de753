import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense

frame = np.random.rand(99, 12).astype("float32")
y = np.random.rand(99, 1).astype("float32")
x_lstm = frame.reshape(1, 99, 12)

model = Sequential()
model.add(LSTM(32, input_shape=(99, 12)))
model.add(Dense(99))
model.compile(optimizer="adam", loss="mse")
model.fit(x_lstm, y, epochs=1, verbose=0)
