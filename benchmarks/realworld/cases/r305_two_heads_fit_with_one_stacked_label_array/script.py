# A tabular model with two binary heads ("churn" and "upsell"), both trained on one
# label table whose two columns are the two targets.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
features = rng.normal(size=(50, 20)).astype("float32")
labels = rng.integers(0, 2, size=(50, 2)).astype("float32")  # column 0: churn, column 1: upsell

inputs = keras.Input(shape=(20,))
hidden = layers.Dense(32, activation="relu")(inputs)
hidden = layers.Dense(16, activation="relu")(hidden)
churn = layers.Dense(1, activation="sigmoid", name="churn")(hidden)
upsell = layers.Dense(1, activation="sigmoid", name="upsell")(hidden)
model = keras.Model(inputs, [churn, upsell])

model.compile(
    optimizer="adam",
    loss=["binary_crossentropy", "binary_crossentropy"],
)
model.fit(features, labels, epochs=2, batch_size=5, verbose=0)
print("trained")
