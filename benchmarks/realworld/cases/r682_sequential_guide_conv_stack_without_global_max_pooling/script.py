# Ten-class photo classifier built incrementally with Sequential.add(): strided and
# plain Conv2D layers with max-pooling down to small feature maps, then the Dense
# classification layer.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(250)
photos = rng.random((12, 250, 250, 3)).astype("float32")
classes = rng.integers(0, 10, size=12)

model = keras.Sequential()
model.add(keras.Input(shape=(250, 250, 3)))
model.add(layers.Conv2D(32, 5, strides=2, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(3))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(3))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
# The feature maps are now 4x4: add the classification layer.
model.add(layers.Dense(10))

model.compile(optimizer="adam",
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(photos, classes, batch_size=4, epochs=1, verbose=0)
