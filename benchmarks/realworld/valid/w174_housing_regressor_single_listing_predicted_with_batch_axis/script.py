import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

rng = np.random.default_rng(3)
n_houses, n_features = 360, 13
X = rng.normal(size=(n_houses, n_features)).astype("float32")
weights = rng.normal(size=n_features)
y = (24 + 3 * X @ weights + rng.normal(size=n_houses)).astype("float32")

cut = int(0.7 * n_houses)
X_fit, X_hold = X[:cut], X[cut:]
y_fit, y_hold = y[:cut], y[cut:]

regressor = keras.Sequential(
    [
        keras.Input(shape=(n_features,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ]
)
regressor.compile(loss="mse", optimizer="adam", metrics=["mae"])
regressor.fit(
    X_fit,
    y_fit,
    batch_size=32,
    epochs=2,
    verbose=0,
    validation_split=0.3,
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=10)],
)
hold_loss, hold_mae = regressor.evaluate(X_hold, y_hold, verbose=0)
print("hold-out MAE:", hold_mae)

# estimate the value of one listing from the hold-out split
listing = X_hold[5:6]
estimate = regressor.predict(listing, verbose=0).flatten()
print("estimate:", estimate[0], "true:", y_hold[5])

all_estimates = regressor.predict(X_hold, verbose=0).flatten()
residuals = all_estimates - y_hold
print("residual spread:", residuals.std())
