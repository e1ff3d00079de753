"""Vibration windows classified with a convolutional LSTM (the Conv2D model, switched to ConvLSTM2D)."""
import numpy as np
import keras
from keras import layers

SMP = 50         # readings per window
N_CLASSES = 3
BATCH = 20

rng = np.random.default_rng(0)
series = rng.normal(size=(400, SMP)).astype("float32")
windows = series.reshape(400, SMP, 1, 1)
labels = keras.utils.to_categorical(rng.integers(0, N_CLASSES, size=400), N_CLASSES)

model = keras.Sequential([
    keras.Input(shape=(SMP, 1, 1), batch_size=BATCH),
    layers.ConvLSTM2D(10, kernel_size=(5, 1), activation="tanh"),
    layers.MaxPooling2D(pool_size=(2, 1)),
    layers.Flatten(),
    layers.Dense(16, activation="relu"),
    layers.Dense(N_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(windows, labels, batch_size=BATCH, epochs=1, verbose=0)
print(model.evaluate(windows, labels, batch_size=BATCH, verbose=0))
