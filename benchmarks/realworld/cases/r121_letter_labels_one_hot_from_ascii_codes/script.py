import numpy as np
import keras
from keras import layers

letters = np.random.choice(list("abcdefghijklmnopqrstuvwxyz"), size=120)
images = np.random.rand(120, 28, 28, 1).astype("float32")
labels = np.array([ord(c) for c in letters])
labels = keras.utils.to_categorical(labels)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(26, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=1, batch_size=30, verbose=0)
