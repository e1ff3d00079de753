"""Ticket model with two heads: a 3-way priority class and a 2-way 'needs escalation' flag."""
import numpy as np
import keras
from keras import layers

N, N_FEATURES = 600, 20

rng = np.random.default_rng(3)
features = rng.normal(size=(N, N_FEATURES)).astype("float32")
priority = rng.choice(3, size=N, p=[0.8, 0.15, 0.05])
escalate = rng.choice(2, size=N, p=[0.9, 0.1])

inputs = keras.Input(shape=(N_FEATURES,), name="features")
h = layers.Dense(64, activation="relu")(inputs)
h = layers.Dense(32, activation="relu")(h)
priority_out = layers.Dense(3, activation="softmax", name="priority")(h)
escalate_out = layers.Dense(2, activation="softmax", name="escalate")(h)
model = keras.Model(inputs, [priority_out, escalate_out])
model.compile(
    optimizer="adam",
    loss={"priority": "sparse_categorical_crossentropy", "escalate": "sparse_categorical_crossentropy"},
)

counts = np.bincount(priority, minlength=3)
priority_weights = {c: N / (3 * counts[c]) for c in range(3)}
counts = np.bincount(escalate, minlength=2)
escalate_weights = {c: N / (2 * counts[c]) for c in range(2)}
class_weight = {"priority": priority_weights, "escalate": escalate_weights}

model.fit(features, {"priority": priority, "escalate": escalate},
          class_weight=class_weight, batch_size=32, epochs=1, verbose=0)
print(model.evaluate(features, {"priority": priority, "escalate": escalate}, verbose=0))
