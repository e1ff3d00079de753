import numpy as np
import keras
from keras import layers

# MNIST-like digits as loaded: (N, 28, 28) integers, 10 classes.
rng = np.random.default_rng(215)
X_train, y_train = rng.integers(0, 256, size=(96, 28, 28)), rng.integers(0, 10, size=(96,))
X_test, y_test = rng.integers(0, 256, size=(32, 28, 28)), rng.integers(0, 10, size=(32,))

X_train = X_train.reshape(X_train.shape[0], 1, 28, 28)
X_test = X_test.reshape(X_test.shape[0], 1, 28, 28)
X_train = X_train.astype("float32") / 255
X_test = X_test.astype("float32") / 255
y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, (3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=1, verbose=0)
score = model.evaluate(X_test, y_test, verbose=0)
print(score)
