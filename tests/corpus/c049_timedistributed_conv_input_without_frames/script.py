import numpy as np
import keras
from keras import layers

# Gesture clips: 8 frames of 32x32 RGB per sample, one label per clip.
clips = np.random.rand(16, 8, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 5, size=(16,))

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu")),
    layers.TimeDistributed(layers.MaxPooling2D()),
    layers.TimeDistributed(layers.GlobalAveragePooling2D()),
    layers.LSTM(32),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(clips, labels, epochs=1, batch_size=8, verbose=0)
