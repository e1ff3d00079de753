# Price regression scored with 3-fold cross-validation; each fold's validation targets are
# the matching slice of the target vector.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(40)
features = rng.normal(loc=5.0, scale=2.0, size=(360, 6)).astype("float32")
prices = (features @ rng.random(6).astype("float32") * 30000 + 120000).astype("float32")

feature_mean = features.mean(axis=0)
feature_std = features.std(axis=0)
inputs_scaled = (features - feature_mean) / feature_std
targets_scaled = prices / 100000


def build_regressor():
    regressor = keras.Sequential([
        layers.Dense(32, activation="relu"),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ])
    regressor.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
    return regressor


folds = 3
fold_size = len(inputs_scaled) // folds
fold_maes = []
for fold in range(folds):
    val_inputs = inputs_scaled[fold * fold_size : (fold + 1) * fold_size]
    val_targets = targets_scaled[fold * fold_size : (fold + 1) * fold_size]
    train_inputs = np.concatenate([inputs_scaled[: fold * fold_size], inputs_scaled[(fold + 1) * fold_size :]], axis=0)
    train_targets = np.concatenate([targets_scaled[: fold * fold_size], targets_scaled[(fold + 1) * fold_size :]], axis=0)
    regressor = build_regressor()
    regressor.fit(train_inputs, train_targets, epochs=4, batch_size=32, verbose=0)
    _, fold_mae = regressor.evaluate(val_inputs, val_targets, verbose=0)
    fold_maes.append(fold_mae)
print("fold MAEs:", [round(m, 3) for m in fold_maes])
