# Small cats-vs-dogs convnet (Deep Learning with Python, 5.2) built on 150x150 RGB images.
# This machine's Keras configuration (keras.json) was left with image_data_format set to
# "channels_first" by an earlier Theano-era project; here the setting is applied in code.
import numpy as np
import keras
from keras import layers, models

keras.config.set_image_data_format("channels_first")

model = models.Sequential()
model.add(keras.Input(shape=(150, 150, 3)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.summary()

model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["acc"])
rng = np.random.default_rng(33)
images = rng.random((16, 150, 150, 3)).astype("float32")
labels = rng.integers(0, 2, size=(16, 1))
model.fit(images, labels, batch_size=8, epochs=1, verbose=0)
