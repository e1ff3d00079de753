# Medical-insurance cost regression (course notebook): age, bmi and children are
# min-max scaled, sex, smoker and region are one-hot encoded (a column transformer
# fitted on the training split), and a 100-10-1 dense network is fit on the result.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(42)
n = 600
X = np.empty((n, 6), dtype=object)
X[:, 0] = rng.integers(18, 65, n)
X[:, 1] = rng.normal(30, 6, n).round(1)
X[:, 2] = rng.integers(0, 5, n)
X[:, 3] = rng.choice(["female", "male"], n)
X[:, 4] = rng.choice(["yes", "no"], n, p=[0.2, 0.8])
X[:, 5] = rng.choice(["northeast", "northwest", "southeast", "southwest"], n)
y = (250 * X[:, 0] + 300 * X[:, 1] + 24000 * (X[:, 4] == "yes") + rng.normal(0, 2000, n)).astype("float32")
X_train, X_test, y_train, y_test = X[:480], X[480:], y[:480], y[480:]

numeric = X_train[:, :3].astype("float32")
col_min, col_max = numeric.min(axis=0), numeric.max(axis=0)
categories = [np.unique(X_train[:, j]) for j in (3, 4, 5)]


def transform(data):
    scaled = (data[:, :3].astype("float32") - col_min) / (col_max - col_min)
    one_hot = [(data[:, j][:, None] == cats[None, :]).astype("float32") for j, cats in zip((3, 4, 5), categories)]
    return np.concatenate([scaled] + one_hot, axis=1)


X_train_normal = transform(X_train)
X_test_normal = transform(X_test)
print(X_train_normal.shape, X_train.shape)

insurance_model_3 = keras.Sequential([
    keras.Input(shape=(X_train.shape[1],)),
    layers.Dense(100),
    layers.Dense(10),
    layers.Dense(1),
])
insurance_model_3.compile(loss="mae", optimizer=keras.optimizers.Adam(), metrics=["mae"])
insurance_model_3.fit(X_train_normal, y_train, epochs=2, verbose=0)
print(insurance_model_3.evaluate(X_test_normal, y_test, verbose=0))
