import numpy as np
import keras
from keras import layers

# Two categories of 32x32 grey images, labels 0/1 in one column.
X = np.random.rand(64, 32, 32, 1).astype("float32")
Y = np.random.randint(0, 2, size=(64, 1))

model = keras.Sequential([
    keras.Input(shape=(32, 32, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(2),
    layers.Activation("sigmoid"),
])
model.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])
model.fit(X, Y, batch_size=32, epochs=1, verbose=0, validation_split=0.2)
