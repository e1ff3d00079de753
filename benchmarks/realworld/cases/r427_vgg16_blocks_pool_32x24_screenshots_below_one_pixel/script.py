import numpy as np
import keras
from keras import layers

input_shape = (32, 24, 3)  # screenshots downscaled to 32 x 24


def conv_block(model, filters, n_convs):
    for _ in range(n_convs):
        model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))


model = keras.Sequential()
model.add(keras.Input(shape=input_shape))
conv_block(model, 64, 2)
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))   # 16 x 12
conv_block(model, 128, 2)
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))   # 8 x 6
conv_block(model, 256, 3)
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))   # 4 x 3
conv_block(model, 512, 3)
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))   # 2 x 1
conv_block(model, 512, 3)
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(14)
shots = rng.random((64, 32, 24, 3)).astype("float32")
compatible = rng.integers(0, 2, size=(64, 1)).astype("float32")
model.fit(shots, compatible, epochs=1, batch_size=16, verbose=0)
