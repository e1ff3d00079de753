# Supervised attempt at the inverse of the parabola P(y) = y^2 on [0, 1]: the targets are
# the positive or the negative square root of each x, chosen at random.
import numpy as np
import keras

N = 200
rng = np.random.default_rng(10)
X = rng.random(N).astype("float32")
sign = (-np.ones((N,))) ** rng.integers(2, size=N)
Y = (np.sqrt(X) * sign).astype("float32")

act = keras.layers.ReLU()
model_sv = keras.models.Sequential([
    keras.layers.Dense(8, activation=act),
    keras.layers.Dense(8, activation=act),
    keras.layers.Dense(1, activation="linear"),
])
loss_sv = keras.losses.MeanSquaredError()
model_sv.compile(optimizer="adam", loss=loss_sv)
results_sv = model_sv.fit(X, Y, epochs=5, batch_size=5, verbose=0)
print(results_sv.history["loss"][-1])
