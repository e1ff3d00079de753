import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(42)
class_names = ["cat", "dog", "tree", "house", "car", "boat", "fish", "sun",
               "moon", "star", "bird", "hat"]
n_sketches, max_points = 384, 60
sketches = np.zeros((n_sketches, max_points, 3), dtype=np.float32)
for i, n_points in enumerate(rng.integers(20, max_points + 1, size=n_sketches)):
    sketches[i, :n_points, :2] = rng.normal(size=(n_points, 2))
    sketches[i, :n_points, 2] = rng.random(n_points) < 0.1
labels = rng.integers(0, len(class_names), size=n_sketches)

model = keras.Sequential([
    keras.Input(shape=[None, 3]),
    layers.Conv1D(32, kernel_size=5, strides=2, activation="relu"),
    layers.BatchNormalization(),
    layers.Conv1D(64, kernel_size=5, strides=2, activation="relu"),
    layers.BatchNormalization(),
    layers.Conv1D(128, kernel_size=3, strides=2, activation="relu"),
    layers.BatchNormalization(),
    layers.LSTM(64, return_sequences=True),
    layers.LSTM(64),
    layers.Dense(len(class_names), activation="softmax"),
])
optimizer = keras.optimizers.SGD(learning_rate=1e-2, clipnorm=1.)
model.compile(loss="sparse_categorical_crossentropy",
              optimizer=optimizer,
              metrics=["accuracy", "top_k_categorical_accuracy"])
history = model.fit(sketches, labels, batch_size=32, epochs=2, verbose=0)
print(sorted(history.history))
