import numpy as np
from keras.models import Sequential
from keras.layers import Input, LSTM, Dense

timestamps = 24
X = np.random.rand(80, timestamps, 1).astype("float32")
y = np.random.rand(80, timestamps, 1).astype("float32")

model = Sequential([
    Input(shape=(timestamps, 1)),
    LSTM(32),
    Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
