import numpy as np
import keras
from keras import layers, ops

num_features = 12
num_tags = 6


class LogisticEndpoint(layers.Layer):
    """Computes its own training loss from targets passed in as a model input."""

    def __init__(self, name=None):
        super().__init__(name=name)
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)

    def call(self, targets, logits, sample_weights=None):
        loss = self.loss_fn(targets, logits, sample_weights)
        self.add_loss(loss)
        return ops.sigmoid(logits)


# Multi-label tagging: each article has 12 numeric features and 6 independent tags.
rng = np.random.default_rng(3)
features = rng.normal(size=(96, num_features)).astype("float32")
tags = (rng.random((96, num_tags)) < 0.3).astype("float32")

inputs = keras.Input(shape=(num_features,), name="inputs")
targets = keras.Input(shape=(num_tags,), name="targets")
x = layers.Dense(32, activation="relu")(inputs)
logits = layers.Dense(1)(x)
predictions = LogisticEndpoint(name="predictions")(targets, logits)

model = keras.Model(inputs=[inputs, targets], outputs=predictions)
model.compile(optimizer="adam")  # the endpoint layer adds the loss

data = {"inputs": features, "targets": tags}
model.fit(data, batch_size=16, epochs=2, verbose=0)
print("tag probabilities:", model.predict(data, verbose=0)[:2].round(3))
