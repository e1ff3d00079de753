# Regress a 5-d embedding vector per sample with a Euclidean-distance loss; recent samples are weighted higher.
import numpy as np
import keras
from keras import ops
from keras import layers

DIM = 5           # number of dimensions in a target vector
BATCH = 32

rng = np.random.default_rng(10408)
x = rng.normal(size=(640, 20)).astype("float32")
W = rng.normal(size=(20, DIM)).astype("float32")
y = np.tanh(x @ W) + 0.05 * rng.normal(size=(640, DIM)).astype("float32")
recency = np.linspace(0.5, 1.5, num=640).astype("float32")   # per-sample weights


def euclidean_dis_loss(y_true, y_pred):
    return ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=0))


model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(DIM),
])
model.compile(optimizer="adam", loss=euclidean_dis_loss, metrics=["mse"])
model.fit(x, y, sample_weight=recency, batch_size=BATCH, epochs=3, verbose=0)
print(model.evaluate(x, y, verbose=0))
