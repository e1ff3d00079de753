import numpy as np
import keras
from keras import layers

images = np.random.rand(16, 64, 64, 3).astype("float32")
masks = (np.random.rand(16, 64, 64, 1) > 0.5).astype("float32")

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D(2)(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.UpSampling2D(2)(x)
x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, epochs=1, batch_size=8, verbose=0)
