"""Frame-level event tagger: an LSTM labels every time step of a sensor sequence.

Most steps are background (class 0), so the rare event classes are up-weighted.
"""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(7)
n_seq, steps, n_feat, n_classes = 96, 20, 6, 3

x = rng.normal(size=(n_seq, steps, n_feat)).astype("float32")
tags = rng.choice(n_classes, size=(n_seq, steps), p=[0.8, 0.1, 0.1])
y = keras.utils.to_categorical(tags, n_classes)  # (96, 20, 3): one class per step

model = keras.Sequential([
    keras.Input(shape=(steps, n_feat)),
    layers.LSTM(16, return_sequences=True),
    layers.TimeDistributed(layers.Dense(n_classes, activation="softmax")),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

event_weights = {0: 1.0, 1: 8.0, 2: 8.0}
model.fit(x, y, batch_size=16, epochs=2, class_weight=event_weights, verbose=0)
print("per-step predictions:", model.predict(x[:2], verbose=0).shape)
