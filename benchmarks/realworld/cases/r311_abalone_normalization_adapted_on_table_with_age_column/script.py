# Load CSV data (abalone): predict the age from 7 physical measurements, with a
# Normalization layer adapted to the data and built into the model.
import numpy as np
import keras
from keras import layers

column_names = ["Length", "Diameter", "Height", "Whole weight", "Shucked weight",
                "Viscera weight", "Shell weight", "Age"]
rng = np.random.default_rng(6)
measurements = rng.uniform(0.05, 1.0, size=(400, 7))
age = 3.0 + 20.0 * measurements[:, 4:5] + rng.normal(0.0, 1.0, size=(400, 1))
abalone_train = np.concatenate([measurements, age], axis=1).astype("float32")

normalize = layers.Normalization()
normalize.adapt(abalone_train)

abalone_features = abalone_train[:, :-1]   # every column but "Age"
abalone_labels = abalone_train[:, -1]      # "Age"

norm_abalone_model = keras.Sequential([
    normalize,
    layers.Dense(64),
    layers.Dense(1),
])
norm_abalone_model.compile(loss=keras.losses.MeanSquaredError(),
                           optimizer=keras.optimizers.Adam())
norm_abalone_model.fit(abalone_features, abalone_labels, epochs=3, verbose=0)
print("trained")
