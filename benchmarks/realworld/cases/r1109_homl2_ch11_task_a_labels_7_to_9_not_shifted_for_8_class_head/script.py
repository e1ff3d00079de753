import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(42)
X_train = rng.random((1200, 28, 28)).astype(np.float32)
y_train = rng.integers(0, 10, size=1200)
X_valid = rng.random((300, 28, 28)).astype(np.float32)
y_valid = rng.integers(0, 10, size=300)


def split_dataset(X, y):
    y_5_or_6 = (y == 5) | (y == 6)  # sandals or shirts
    y_A = y[~y_5_or_6]
    y_B = (y[y_5_or_6] == 6).astype(np.float32)  # is it a shirt?
    return ((X[~y_5_or_6], y_A),
            (X[y_5_or_6], y_B))


(X_train_A, y_train_A), (X_train_B, y_train_B) = split_dataset(X_train, y_train)
(X_valid_A, y_valid_A), (X_valid_B, y_valid_B) = split_dataset(X_valid, y_valid)
X_train_B = X_train_B[:200]
y_train_B = y_train_B[:200]

model_A = keras.Sequential()
model_A.add(keras.Input(shape=[28, 28]))
model_A.add(layers.Flatten())
for n_hidden in (300, 100, 50, 50, 50):
    model_A.add(layers.Dense(n_hidden, activation="selu"))
model_A.add(layers.Dense(8, activation="softmax"))
model_A.compile(loss="sparse_categorical_crossentropy",
                optimizer=keras.optimizers.SGD(learning_rate=1e-3),
                metrics=["accuracy"])
history = model_A.fit(X_train_A, y_train_A, epochs=2, verbose=0,
                      validation_data=(X_valid_A, y_valid_A))

model_B_on_A = keras.Sequential(model_A.layers[:-1])
model_B_on_A.add(layers.Dense(1, activation="sigmoid"))
model_B_on_A.compile(loss="binary_crossentropy", optimizer="sgd",
                     metrics=["accuracy"])
model_B_on_A.fit(X_train_B, y_train_B, epochs=2, verbose=0)
print("task B accuracy:", model_B_on_A.evaluate(X_valid_B, y_valid_B, verbose=0)[1])
