# CRNN that reads a sequence of up to 4 handwritten digits and regresses their sum (TimeDistributed convnet + GRU).
import numpy as np
import keras
from keras import layers

batch_size = 32
examplesPer = 256
maxToAdd = 4
size = 28

rng = np.random.default_rng(8)
X_train_raw = rng.random((1000, size, size)).astype("float32")   # stand-in for MNIST digits
y_train_temp = rng.integers(0, 10, size=1000)
X_test_raw = rng.random((200, size, size)).astype("float32")
y_test_temp = rng.integers(0, 10, size=200)

model = keras.Sequential([
    keras.Input(shape=(maxToAdd, size, size, 1)),
    layers.TimeDistributed(layers.Conv2D(8, (4, 4), activation="relu")),
    layers.TimeDistributed(layers.MaxPooling2D(pool_size=(2, 2))),
    layers.TimeDistributed(layers.Conv2D(8, (3, 3), activation="relu")),
    layers.TimeDistributed(layers.Flatten()),
    layers.GRU(100, return_sequences=True),
    layers.GRU(50, return_sequences=False),
    layers.Dropout(0.2),
    layers.Dense(1),
])
model.compile(loss="mean_squared_error", optimizer="rmsprop")

X_train = np.zeros((examplesPer, maxToAdd, size, size, 1))
y_train = []
for i in range(examplesPer):
    output = np.zeros((maxToAdd, size, size, 1))
    numToAdd = int(np.ceil(rng.random() * maxToAdd))
    indices = rng.choice(X_train_raw.shape[0], size=numToAdd)
    output[0:numToAdd, :, :, 0] = X_train_raw[indices]
    X_train[i] = output
    y_train.append(np.sum(y_train_temp[indices]))
y_train = np.array(y_train, dtype="float32")
model.fit(X_train, y_train, batch_size=batch_size, epochs=1, verbose=0)

X_test = np.zeros((examplesPer, maxToAdd, 1, size, size))
y_test = []
for i in range(examplesPer):
    output = np.zeros((maxToAdd, 1, size, size))
    numToAdd = int(np.ceil(rng.random() * maxToAdd))
    indices = rng.choice(X_test_raw.shape[0], size=numToAdd)
    output[0:numToAdd, 0, :, :] = X_test_raw[indices]
    X_test[i] = output
    y_test.append(np.sum(y_test_temp[indices]))
y_test = np.array(y_test, dtype="float32")
print("test mse:", model.evaluate(X_test, y_test, batch_size=batch_size, verbose=0))
