import numpy as np
import keras
from keras import layers

# Cats (0) and dogs (1); the labels were one-hot encoded like a multi-class tutorial.
images = np.random.rand(40, 32, 32, 3).astype("float32")
is_dog = np.random.randint(0, 2, size=(40,))
labels = keras.utils.to_categorical(is_dog, 2)

model = keras.Sequential()
model.add(keras.Input(shape=(32, 32, 3)))
model.add(layers.Conv2D(16, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.Flatten())
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
