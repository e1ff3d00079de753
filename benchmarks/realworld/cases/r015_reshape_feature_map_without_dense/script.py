import numpy as np
import keras
from keras import layers

# Four boxes with 10 numbers each per image.
images = np.random.rand(32, 26, 26, 3).astype("float32")
boxes = np.random.rand(32, 4, 10).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(26, 26, 3)))
model.add(layers.Conv2D(16, 3, strides=2, activation="relu"))
model.add(layers.Conv2D(32, 3, strides=2, activation="relu"))
model.add(layers.Flatten())
model.add(layers.Reshape((4, 10)))
model.compile(optimizer="adam", loss="mse")
model.fit(images, boxes, epochs=1, batch_size=8, verbose=0)
