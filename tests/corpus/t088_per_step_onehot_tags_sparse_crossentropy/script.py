import numpy as np
import keras
from keras import layers

# Tagging: one of 4 tags for every one of the 12 steps of a sequence.
x = np.random.rand(80, 12, 5).astype("float32")
tags = np.random.randint(0, 4, size=(80, 12))
y = keras.utils.to_categorical(tags, num_classes=4)

model = keras.Sequential([
    keras.Input(shape=(12, 5)),
    layers.LSTM(32, return_sequences=True),
    layers.TimeDistributed(layers.Dense(4, activation="softmax")),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
