import numpy as np
import keras
from keras import layers


# House prices: 13 features -> one price per house, streamed from a generator.
def batches(n_batches=4, batch_size=16):
    for _ in range(n_batches):
        xb = np.random.rand(batch_size, 13).astype("float32")
        yb = np.random.rand(batch_size).astype("float32")
        yield xb, yb


model = keras.Sequential([
    keras.Input(shape=(13,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
])
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.fit(batches(), epochs=1, steps_per_epoch=4, verbose=0)
