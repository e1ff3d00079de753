# Cats-vs-dogs convnet from scratch; images downsized to 64x64 to train faster (random stand-in data).
import numpy as np
import keras
from keras import layers

image_size = (64, 64)
rng = np.random.default_rng(1)
train_images = rng.uniform(0, 255, size=(64,) + image_size + (3,)).astype("float32")
train_labels = rng.integers(0, 2, size=(64,)).astype("float32")

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=128, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=256, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=256, kernel_size=3, activation="relu")(x)
x = layers.Flatten()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, batch_size=32)
