import numpy as np
import keras
from keras import layers

# Per-step regression: output (None, 10, 1), targets stored as (N, 10).
# Keras squeezes the trailing axis of size 1 before computing the loss.
X = np.random.rand(64, 10, 3).astype("float32")
Y = np.random.rand(64, 10).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.LSTM(16, return_sequences=True),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, Y, epochs=1, batch_size=16, verbose=0)
