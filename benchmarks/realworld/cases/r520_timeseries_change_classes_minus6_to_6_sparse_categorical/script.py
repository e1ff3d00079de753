# Classify tomorrow's change of a daily index into 13 classes (-6 ... +6 points) from the last 14 days.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
series = np.cumsum(rng.normal(0, 2.5, size=1200)).astype("float32")

window = 14
X = np.stack([series[i:i + window] - series[i + window - 1] for i in range(len(series) - window)])
change = np.diff(series)[window - 1:]
y = np.clip(np.round(change), -6, 6).astype("int64")     # classes -6, -5, ..., +6
n_classes = 13

split = 900
X_train, y_train = X[:split], y[:split]
X_test, y_test = X[split:], y[split:]

model = keras.Sequential([
    keras.Input(shape=(window,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(n_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=3, batch_size=32, verbose=0)
print(model.evaluate(X_test, y_test, verbose=0))
