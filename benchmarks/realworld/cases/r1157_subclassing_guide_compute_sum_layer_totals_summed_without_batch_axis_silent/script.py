import numpy as np
import keras
from keras import layers, ops

num_features = 5


class ComputeSum(layers.Layer):
    """Keeps a running per-feature total in a non-trainable weight."""

    def __init__(self, input_dim):
        super().__init__()
        self.total = self.add_weight(
            initializer="zeros", shape=(input_dim,), trainable=False
        )

    def call(self, inputs):
        self.total.assign_add(ops.sum(inputs))
        return self.total


# Sensor readings whose five channels have very different offsets.
rng = np.random.default_rng(4)
offsets = np.array([10.0, -3.0, 0.5, 40.0, 7.0], dtype="float32")
x = (rng.normal(size=(200, num_features)) + offsets).astype("float32")
y = (x[:, 0] - 10.0 + x[:, 2] - 0.5 > 0).astype("float32").reshape(-1, 1)

# Stream the data through the layer to get the per-channel totals.
feature_sum = ComputeSum(num_features)
for start in range(0, len(x), 40):
    totals = feature_sum(x[start : start + 40])
channel_means = ops.convert_to_numpy(totals) / len(x)
print("channel means:", channel_means.round(2))

x_centered = x - channel_means
model = keras.Sequential(
    [
        keras.Input(shape=(num_features,)),
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_centered, y, batch_size=20, epochs=2, verbose=0)
print("accuracy:", model.evaluate(x_centered, y, verbose=0)[1])
