import numpy as np
import keras
from keras import layers

# Three regression targets per sample, each computed as its own vector.
X = np.random.rand(100, 5).astype("float32")
height = X[:, 0] * 2.0
width = X[:, 1] + X[:, 2]
depth = X[:, 3] - X[:, 4]
y = np.array([height, width, depth])

model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(10, activation="relu"),
    layers.Dense(3),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=20, verbose=0)
