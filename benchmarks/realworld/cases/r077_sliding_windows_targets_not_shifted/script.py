import numpy as np
import tensorflow as tf

series = np.sin(np.arange(300) / 10).astype("float32")
window = 20
X = np.array([series[i:i + window] for i in range(len(series) - window)])[..., np.newaxis]
y = series

model = tf.keras.Sequential([
    tf.keras.Input(shape=(window, 1)),
    tf.keras.layers.LSTM(16),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=32, verbose=0)
