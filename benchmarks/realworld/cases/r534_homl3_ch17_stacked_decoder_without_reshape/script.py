# Stacked autoencoder for 28x28 grayscale images: 784 -> 100 -> 30 -> 100 -> 784.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(17)
X_train = rng.random((500, 28, 28)).astype("float32")
X_valid = rng.random((100, 28, 28)).astype("float32")

tf.random.set_seed(42)
stacked_encoder = tf.keras.Sequential([
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(100, activation="relu"),
    tf.keras.layers.Dense(30, activation="relu"),
])
stacked_decoder = tf.keras.Sequential([
    tf.keras.layers.Dense(100, activation="relu"),
    tf.keras.layers.Dense(28 * 28),
])
stacked_ae = tf.keras.Sequential([stacked_encoder, stacked_decoder])

stacked_ae.compile(loss="mse", optimizer="nadam")
history = stacked_ae.fit(X_train, X_train, epochs=2, validation_data=(X_valid, X_valid), verbose=0)
reconstructions = stacked_ae.predict(X_valid[:3], verbose=0)
print(reconstructions.shape)
