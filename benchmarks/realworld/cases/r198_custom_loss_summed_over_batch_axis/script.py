import numpy as np
import keras
from keras import layers, ops


def euclidean_distance_loss(y_true, y_pred):
    return ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=0))


# regress a 5-dimensional vector from 10 features; rare samples weighted up
x = np.random.rand(320, 10).astype("float32")
y = np.random.rand(320, 5).astype("float32")
weights = np.where(np.random.rand(320) < 0.1, 5.0, 1.0)

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(5),
])
model.compile(optimizer="adam", loss=euclidean_distance_loss)
model.fit(x, y, sample_weight=weights, batch_size=32, epochs=1, verbose=0)
