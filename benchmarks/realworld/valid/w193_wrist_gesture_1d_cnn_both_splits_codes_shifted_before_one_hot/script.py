# wrist-sensor gesture classifier: windows of 64 steps x 6 IMU channels, gesture codes 1..5 in the label files
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical


def read_split(gen, n):
    windows = gen.normal(size=(n, 64, 6)).astype("float32")
    codes = gen.integers(1, 6, size=(n, 1))
    return windows, codes


gen = np.random.default_rng(193)
fit_windows, fit_codes = read_split(gen, 200)
holdout_windows, holdout_codes = read_split(gen, 50)
fit_onehot = to_categorical(fit_codes - 1)
holdout_onehot = to_categorical(holdout_codes - 1)
n_gestures = fit_onehot.shape[1]

net = keras.Sequential([
    keras.Input(shape=fit_windows.shape[1:]),
    layers.Conv1D(32, 5, activation="relu"),
    layers.Conv1D(32, 5, activation="relu"),
    layers.Dropout(0.3),
    layers.MaxPooling1D(2),
    layers.Flatten(),
    layers.Dense(48, activation="relu"),
    layers.Dense(n_gestures, activation="softmax"),
])
net.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
net.fit(fit_windows, fit_onehot, epochs=2, batch_size=25, verbose=0)
loss, acc = net.evaluate(holdout_windows, holdout_onehot, verbose=0)
print("labels", fit_onehot.shape, holdout_onehot.shape, "holdout accuracy %.2f" % acc)
