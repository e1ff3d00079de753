# Digits 0-9 model, then transfer learning: reuse its hidden layers for a 0-vs-1 classifier.
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(2018)
x_train = rng.random((600, 28 * 28)).astype("float32")
y_train = rng.integers(0, 10, size=600)
x_test = rng.random((100, 28 * 28)).astype("float32")
y_test = rng.integers(0, 10, size=100)

# keep only the images of digits 0 and 1 for the second task
x_train_01 = x_train[y_train <= 1]
x_test_01 = x_test[y_test <= 1]

# output format: one-hot encoding
y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

y_train_01 = to_categorical(y_train[y_train <= 1], 2)
y_test_01 = to_categorical(y_test[y_test <= 1], 2)

all_except_last = [layers.Dense(128, activation="sigmoid"), layers.Dense(64, activation="sigmoid")]
model_0_to_9 = keras.Sequential([keras.Input(shape=(784,))] + all_except_last + [layers.Dense(10, activation="softmax")])
model_0_to_9.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.1), metrics=["accuracy"])
model_0_to_9.fit(x_train, y_train, batch_size=100, epochs=2, verbose=0)

for layer in all_except_last:
    layer.trainable = False
model_0_to_1 = keras.Sequential([keras.Input(shape=(784,))] + all_except_last + [layers.Dense(2, activation="softmax")])
model_0_to_1.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.1), metrics=["accuracy"])
model_0_to_1.fit(x_train_01, y_train_01, batch_size=100, epochs=2, verbose=0)
print(model_0_to_1.evaluate(x_test_01, y_test_01, verbose=0))
