"""Red-or-white wine classifier: the type column is one-hot encoded, then trained with a sparse loss."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
n_red, n_white = 160, 480
red = rng.normal(0.4, 0.1, size=(n_red, 12))
white = rng.normal(0.6, 0.1, size=(n_white, 12))
wine = np.concatenate([np.c_[red, np.zeros(n_red)], np.c_[white, np.ones(n_white)]])
wine = (wine - wine.min(axis=0)) / (wine.max(axis=0) - wine.min(axis=0))
rng.shuffle(wine)

train_idx = int(len(wine) * 0.8)
train_X, train_Y = wine[:train_idx, :-1], wine[:train_idx, -1]
test_X, test_Y = wine[train_idx:, :-1], wine[train_idx:, -1]
train_Y = keras.utils.to_categorical(train_Y, num_classes=2)
test_Y = keras.utils.to_categorical(test_Y, num_classes=2)

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(48, activation="relu"),
    layers.Dense(24, activation="relu"),
    layers.Dense(12, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.07),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(train_X, train_Y, epochs=2, batch_size=32, validation_split=0.25, verbose=0)
print(model.evaluate(test_X, test_Y, verbose=0))
