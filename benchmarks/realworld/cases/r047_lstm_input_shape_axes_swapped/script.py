import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

# 100 sequences, 50 time steps, 2 features per step.
X = np.random.rand(100, 50, 2).astype("float32")
y = np.random.rand(100, 1).astype("float32")

model = Sequential()
model.add(LSTM(64, input_shape=(2, 50)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=20, verbose=0)
