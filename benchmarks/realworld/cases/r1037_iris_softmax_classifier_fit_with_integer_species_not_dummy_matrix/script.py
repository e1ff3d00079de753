import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(5)
centers = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
species = np.array(["Iris-setosa", "Iris-versicolor", "Iris-virginica"])
idx = rng.integers(0, 3, size=150)
X = (centers[idx] + rng.normal(0, 0.3, (150, 4))).astype("float32")
Y = species[idx]

# encode class values as integers
classes = sorted(set(Y))
encoded_Y = np.array([classes.index(v) for v in Y])
dummy_y = keras.utils.to_categorical(encoded_Y)

model = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, encoded_Y, epochs=2, batch_size=5, verbose=0)
print(model.evaluate(X, dummy_y, verbose=0))
