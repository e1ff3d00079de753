import numpy as np
import keras
from keras import layers

# make_regression-style data: 100 samples of 9 features, 2 targets per sample.
X = np.random.rand(100, 9).astype("float32")
Y = np.random.rand(100, 2).astype("float32")

model = keras.Sequential([
    layers.LSTM(32),
    layers.Dense(2),
])
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(X, Y, epochs=1, batch_size=32, verbose=0)
