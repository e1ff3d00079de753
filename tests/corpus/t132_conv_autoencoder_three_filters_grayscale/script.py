import numpy as np
import keras
from keras import layers

x_train = np.random.rand(32, 28, 28, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2, padding="same"),
    layers.Conv2D(8, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2, padding="same"),
    layers.Conv2D(8, 3, activation="relu", padding="same"),
    layers.UpSampling2D(2),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.UpSampling2D(2),
    layers.Conv2D(3, 3, activation="sigmoid", padding="same"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, x_train, epochs=1, batch_size=8, verbose=0)
