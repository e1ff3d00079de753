import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

rng = np.random.default_rng(911)
n = 300
column_names = ["Length", "Diameter", "Height", "Whole weight",
                "Shucked weight", "Viscera weight", "Shell weight", "Age"]
table = np.column_stack([
    rng.uniform(0.1, 0.8, n), rng.uniform(0.1, 0.6, n), rng.uniform(0.0, 0.3, n),
    rng.uniform(0.0, 2.5, n), rng.uniform(0.0, 1.2, n), rng.uniform(0.0, 0.6, n),
    rng.uniform(0.0, 0.9, n), np.zeros(n),
]).astype("float32")
table[:, 7] = np.round(3 + 12 * table[:, 6] + rng.normal(0, 1, n))

abalone_features = table[:, :7]
abalone_labels = table[:, 7]

normalize = layers.Normalization()
normalize.adapt(abalone_features)

norm_abalone_model = tf.keras.Sequential([
    normalize,
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
norm_abalone_model.compile(loss=tf.keras.losses.MeanSquaredError(), optimizer=tf.keras.optimizers.Adam())
norm_abalone_model.fit(abalone_features, abalone_labels, epochs=2, verbose=0)

new_shell = abalone_features[0]
print("predicted age:", norm_abalone_model.predict(new_shell, verbose=0))
