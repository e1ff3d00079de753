import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense

# 100 series of 10 readings each; the next reading is the target.
X = np.random.rand(100, 10).astype("float32")
y = np.random.rand(100, 1).astype("float32")

model = Sequential()
model.add(LSTM(64, input_shape=(10,)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=20, verbose=0)
