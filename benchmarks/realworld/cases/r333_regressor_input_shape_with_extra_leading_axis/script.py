"""Three-feature regression network declared with input_shape (1, 3) for a (samples, 3) feature table."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(12)
raw = rng.normal(size=(1700, 4)).astype("float32")
features = raw[:, :3]
labels = 2.0 * raw[:, 0] - raw[:, 1] + 0.5 * raw[:, 2] + 0.1 * raw[:, 3]
print("features:", features.shape, "labels:", labels.shape)

nn_model = keras.Sequential([
    keras.Input(shape=(1, 3)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
nn_model.summary()
nn_model.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
history = nn_model.fit(features, labels, validation_split=0.2, epochs=2, batch_size=64, verbose=0)
