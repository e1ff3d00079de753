# Binary classifier for variable-length signals: Conv1D + GlobalMaxPooling1D -> Dense(1, sigmoid).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
seq_len = 20  # every sequence in this batch has 20 items of depth 1
x_train = rng.standard_normal((100, seq_len, 1)).astype("float32")
# the label file stores one 0/1 flag per item
y_train = (x_train[..., 0] > 0).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(None, 1)),
    layers.Conv1D(32, 3, activation="relu", padding="same"),
    layers.Conv1D(64, 3, activation="relu", padding="same"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=20, epochs=2, verbose=0)
print(model.predict(x_train[:2], verbose=0))
