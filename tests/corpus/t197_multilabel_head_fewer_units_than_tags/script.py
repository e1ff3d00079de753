import numpy as np
import keras
from keras import layers

# Multi-label tagging: each 32x32 spectrogram can carry several of 40 tags (multi-hot rows).
X_train = np.random.rand(48, 32, 32, 1).astype("float32")
y_train = (np.random.rand(48, 40) > 0.8).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(32, 32, 1)))
model.add(layers.Conv2D(16, 3, padding="same", activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.Flatten())
model.add(layers.Dense(128, activation="relu"))
model.add(layers.Dense(10, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=16, verbose=0)
