import numpy as np
import keras

# Regression from 3 measured values per row to one target value.
features = np.random.rand(170, 3).astype("float32")
labels = np.random.rand(170).astype("float32")

nn_model = keras.Sequential([
    keras.layers.Dense(64, activation="relu", input_shape=(1, 3)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1),
])
nn_model.compile(optimizer="adam", loss="mean_absolute_error")
history = nn_model.fit(features, labels, epochs=1, batch_size=32, verbose=0)
