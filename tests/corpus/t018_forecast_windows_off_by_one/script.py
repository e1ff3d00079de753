import numpy as np
import keras
from keras import layers

# Univariate series -> predict the value that follows each 10-step window.
series = np.random.rand(120).astype("float32")
window = 10
X = np.stack([series[i:i + window] for i in range(len(series) - window + 1)])
X = X[..., np.newaxis]
y = series[window:]

model = keras.Sequential([
    keras.Input(shape=(window, 1)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
