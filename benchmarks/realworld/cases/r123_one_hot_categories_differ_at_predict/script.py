import numpy as np
import keras
from keras import layers


def one_hot(values, categories=None):
    cats = categories if categories is not None else sorted(set(values))
    return np.array([[v == c for c in cats] for v in values], dtype="float32")


train_sizes = list("smlsmlsmlsml")
train_backorder = np.random.randint(0, 2, size=(12, 1)).astype("float32")
x_train = np.hstack([one_hot(train_sizes), train_backorder])
y_train = np.random.rand(12, 1).astype("float32")

model = keras.Sequential([keras.Input(shape=(x_train.shape[1],)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, verbose=0)

new_sizes = ["s", "s", "l"]
new_backorder = np.ones((3, 1), dtype="float32")
x_new = np.hstack([one_hot(new_sizes), new_backorder])
print(model.predict(x_new, verbose=0))
