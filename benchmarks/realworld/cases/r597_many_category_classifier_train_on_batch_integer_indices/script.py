# Classifier over a large label space (product categories), trained batch by batch
# with train_on_batch so the one-hot targets never exist for the whole dataset.
import numpy as np
import keras
from keras import layers

NB_CLASSES = 500
rng = np.random.default_rng(483)
X = rng.normal(size=(640, 40)).astype("float32")
y_indices_naive = rng.integers(0, NB_CLASSES, size=640)   # e.g. [1, 5, 430, ...]

model = keras.Sequential([
    keras.Input(shape=(40,)),
    layers.Dense(128, activation="relu"),
    layers.Dense(NB_CLASSES, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")

batch_size = 64
for epoch in range(2):
    for start in range(0, len(X), batch_size):
        X_batch = X[start:start + batch_size]
        y_indices_batch = y_indices_naive[start:start + batch_size]
        loss = model.train_on_batch(X_batch, y_indices_batch)
    print("epoch", epoch, "loss", float(loss))
