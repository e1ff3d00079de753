# Two-class classifier on imbalanced data (the positive class is rare). It first
# trained with categorical_crossentropy on one-hot targets; the loss was then
# swapped for sparse_categorical_crossentropy, keeping the same targets.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(7749)
inp = rng.normal(size=(400, 2)).astype("float32")
cls = (rng.random(400) < 0.08).astype("int64")      # about 8 % positives
out = np.eye(2)[cls]                                  # one-hot targets, shape (400, 2)

model = keras.Sequential()
model.add(keras.Input(shape=(2,)))
model.add(layers.Dense(2))
model.add(layers.Activation("softmax"))

model.compile(loss="sparse_categorical_crossentropy",
              optimizer="rmsprop",
              metrics=["accuracy"])

model.fit(inp, out, epochs=2, batch_size=32, verbose=0)
print(model.predict(inp[:3], verbose=0))
