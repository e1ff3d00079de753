import numpy as np
import keras
from keras import layers

# A dense autoencoder on 28x28 grey images scaled to [0, 1]: the targets are the images.
x_train = np.random.randint(0, 256, size=(100, 28, 28)).astype("float32") / 255.0

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    layers.Flatten(),
    layers.Dense(300, activation="relu"),
    layers.Dense(150, activation="relu"),
    layers.Dense(300, activation="relu"),
    layers.Dense(784, activation="relu"),
    layers.Reshape((28, 28)),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, x_train, epochs=1, batch_size=50, verbose=0)
