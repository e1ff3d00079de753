# small CNN on CIFAR-10 read from the python-version batch files
import numpy as np
import keras
from keras import layers


def unpickle_stand_in(n, seed):
    # what unpickle('data_batch_1') returns: b'data' is n x 3072 uint8 rows, b'labels' a list
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, size=n)
    planes = rng.integers(0, 256, size=(n, 3, 32, 32)).astype(np.uint8)
    planes[:, 0] = (labels[:, None, None] * 25).astype(np.uint8)
    return {b"data": planes.reshape(n, 3072), b"labels": list(labels)}


def load_cifar_batch(batch):
    X = batch[b"data"]
    Y = batch[b"labels"]
    X = X.reshape(len(X), 32, 32, 3).astype("float32") / 255.0
    Y = np.array(Y)
    return X, Y


x_train, y_train = load_cifar_batch(unpickle_stand_in(256, 1007))
x_test, y_test = load_cifar_batch(unpickle_stand_in(64, 2007))
print("train:", x_train.shape, y_train.shape)

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=2, batch_size=32, validation_data=(x_test, y_test), verbose=0)
print("test accuracy:", model.evaluate(x_test, y_test, verbose=0)[1])
