import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

X = np.random.rand(118, 45, 2).astype("float32")
y = np.random.rand(118, 1).astype("float32")

model = Sequential()
model.add(LSTM(64, input_shape=(45, 2), return_sequences=True))
model.add(LSTM(64, return_sequences=True))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
