import numpy as np
from tensorflow import keras

# Denoise 100-sample signals: the target is the clean signal of the same length.
noisy = np.random.rand(64, 100, 1).astype("float32")
clean = np.random.rand(64, 100, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(100, 1)),
    keras.layers.Conv1D(32, 3, activation="relu"),
    keras.layers.Conv1D(1, 1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(noisy, clean, epochs=1, batch_size=16, verbose=0)
