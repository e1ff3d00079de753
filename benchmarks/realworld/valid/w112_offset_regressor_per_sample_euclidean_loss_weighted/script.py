# Predict 3-d displacement vectors of tracked points; loss = Euclidean distance per sample, confident points weigh more.
import numpy as np
import keras
from keras import layers, ops

OUT_DIM = 3
rng = np.random.default_rng(112)
features = rng.normal(size=(480, 16)).astype("float32")
proj = rng.normal(size=(16, OUT_DIM)).astype("float32") / 4.0
offsets = features @ proj + 0.02 * rng.normal(size=(480, OUT_DIM)).astype("float32")
confidence = rng.uniform(0.2, 1.0, size=480).astype("float32")


def point_distance(y_true, y_pred):
    return ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=-1) + 1e-9)


regressor = keras.Sequential([
    keras.Input(shape=(16,)),
    layers.Dense(48, activation="relu"),
    layers.Dense(OUT_DIM),
])
regressor.compile(optimizer=keras.optimizers.Adam(1e-3), loss=point_distance, metrics=["mae"])
regressor.fit(features, offsets, sample_weight=confidence, batch_size=16, epochs=2, verbose=0)
print(regressor.evaluate(features, offsets, sample_weight=confidence, verbose=0))
