"""Multi-class document tagger: each positive class gets its own importance through sample_weight."""
import numpy as np
import keras
from keras import layers

N_DOCS, N_FEATURES, N_CLASSES = 320, 40, 5
class_importance = np.array([1.0, 2.0, 4.0, 1.5, 3.0], dtype="float32")

rng = np.random.default_rng(9)
docs = rng.random((N_DOCS, N_FEATURES)).astype("float32")
targets = keras.utils.to_categorical(rng.integers(0, N_CLASSES, size=N_DOCS), N_CLASSES)
weights_matrix = targets * class_importance

model = keras.Sequential([
    keras.Input(shape=(N_FEATURES,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(N_CLASSES, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(docs, targets, sample_weight=weights_matrix, batch_size=32, epochs=1, verbose=0)
print(model.evaluate(docs, targets, verbose=0))
