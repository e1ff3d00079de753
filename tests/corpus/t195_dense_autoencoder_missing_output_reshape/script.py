import numpy as np
import keras
from keras import layers

# Fully connected autoencoder on 28x28 grayscale images: the images are the targets.
x_train = np.random.rand(64, 28, 28).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(28, 28)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(784, activation="sigmoid"))
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, x_train, epochs=1, batch_size=16, verbose=0)
