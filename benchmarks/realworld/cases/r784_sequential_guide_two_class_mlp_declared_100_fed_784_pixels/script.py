# Sequential-model guide, "single-input model with 2 classes" recipe, trained on
# flattened 28x28 digit images (digit is 7 or not) instead of the guide's dummy data.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
images = rng.random((1000, 28, 28)).astype("float32")
is_seven = rng.integers(0, 2, size=(1000, 1))

pixels = images.reshape(len(images), -1)          # (1000, 784)
print("pixels:", pixels.shape)

binary_mlp = keras.Sequential()
binary_mlp.add(keras.Input(shape=(100,)))
binary_mlp.add(layers.Dense(32, activation="relu"))
binary_mlp.add(layers.Dense(1, activation="sigmoid"))
binary_mlp.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])

binary_mlp.fit(pixels, is_seven, epochs=3, batch_size=32, verbose=0)
print(binary_mlp.evaluate(pixels, is_seven, verbose=0))
