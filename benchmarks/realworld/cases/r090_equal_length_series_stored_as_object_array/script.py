import numpy as np
import tensorflow as tf

# Each record holds a series of 12 readings; records were collected one array per row.
rng = np.random.default_rng(0)
records = [rng.random(12) for _ in range(60)]
X = np.empty(len(records), dtype=object)
X[:] = records
y = np.array([r.sum() for r in records])

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(12, 1)),
    tf.keras.layers.LSTM(16),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=12, verbose=0)
