# One input, two heads: a binary "defect" probability and a continuous "severity" score per part.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(35154)
data = rng.random((50, 20)).astype("float32")
defect = (data[:, :10].sum(axis=1) > 5).astype("float32")
severity = data[:, 10:].mean(axis=1)
labels = np.stack([defect, severity], axis=1)          # (50, 2): column 0 -> defect, column 1 -> severity

inputs = tf.keras.Input(shape=(20,))
hidden = tf.keras.layers.Dense(32, activation="relu")(inputs)
hidden = tf.keras.layers.Dense(16, activation="relu")(hidden)
defect_out = tf.keras.layers.Dense(1, activation="sigmoid", name="defect")(hidden)
severity_out = tf.keras.layers.Dense(1, name="severity")(hidden)
model = tf.keras.Model(inputs=inputs, outputs=[defect_out, severity_out])

model.compile(optimizer="adam", loss=["binary_crossentropy", "mse"], loss_weights=[1.0, 0.5])
model.fit(data, labels, epochs=1, batch_size=5, verbose=0)
print([p.shape for p in model.predict(data[:3], verbose=0)])
