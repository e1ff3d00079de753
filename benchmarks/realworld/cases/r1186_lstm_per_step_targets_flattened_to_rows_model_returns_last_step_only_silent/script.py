import numpy as np
import keras
from keras import layers

# each sample: 3 time steps of 2 sensor readings; one target value per time step
rng = np.random.default_rng(7)
n_samples, n_steps, n_features = 64, 3, 2
X = rng.uniform(0.0, 1.0, size=(n_samples, n_steps, n_features)).astype("float32")
# target at step t depends on the readings up to step t
y = np.cumsum(0.6 * X[:, :, 0] + 0.3 * X[:, :, 1], axis=1).astype("float32")
y = y.reshape(n_samples, n_steps)          # (64, 3): one value per time step

model = keras.Sequential([
    keras.Input(shape=(n_steps, n_features)),
    layers.LSTM(50, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")

history = model.fit(X, y, epochs=2, batch_size=4, verbose=0)
pred = model.predict(X[:4], verbose=0)
print("final loss:", round(history.history["loss"][-1], 4), "predictions:", pred.shape)
