# House-price style regression DNN with a normalization layer, then a hand-made error analysis.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(31)
n_rows = 500
rooms = rng.integers(2, 9, n_rows)
area = rooms * 22 + rng.normal(0, 15, n_rows)
age = rng.uniform(0, 80, n_rows)
distance = rng.uniform(1, 30, n_rows)
table = np.column_stack([rooms, area, age, distance]).astype("float32")
price = (50 + area * 1.8 - age * 0.6 - distance * 2.0 + rng.normal(0, 8, n_rows)).astype("float32")

x_fit, x_holdout = table[:400], table[400:]
y_fit, y_holdout = price[:400], price[400:]

norm = layers.Normalization(axis=-1)
norm.adapt(x_fit)
regressor = keras.Sequential([
    keras.Input(shape=(4,)),
    norm,
    layers.Dense(32, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
regressor.compile(loss="mean_absolute_error", optimizer=keras.optimizers.Adam(0.01))
regressor.fit(x_fit, y_fit, validation_split=0.25, epochs=40, verbose=0)
reported = regressor.evaluate(x_holdout, y_holdout, verbose=0)

holdout_pred = regressor.predict(x_holdout, verbose=0).flatten()
residuals = holdout_pred - y_holdout
hist, bin_edges = np.histogram(residuals, bins=20)
print("evaluate MAE:", reported, "hand MAE:", float(np.mean(np.abs(residuals))))
print("residuals shape:", residuals.shape)
