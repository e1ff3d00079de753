"""Cat-vs-dog CNN: two sigmoid outputs trained with MSE against one 0/1 label per image."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
IMG = 40
training_data = [(rng.random((IMG, IMG, 1)), int(rng.integers(0, 2))) for _ in range(120)]

X, Y = [], []
for features, label in training_data:
    X.append(features)
    Y.append(label)
X = np.array(X, dtype="float32").reshape(-1, IMG, IMG, 1)
Y = np.array(Y)

model = keras.Sequential()
model.add(keras.Input(shape=X.shape[1:]))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(64, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Dropout(0.25))
model.add(layers.Flatten())
model.add(layers.Dense(64))
model.add(layers.Activation("relu"))
model.add(layers.Dense(64))
model.add(layers.Activation("relu"))
model.add(layers.Dense(2))
model.add(layers.Activation("sigmoid"))

model.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])
model.fit(X, Y, batch_size=32, epochs=2, verbose=0, validation_split=0.2, shuffle=True)
