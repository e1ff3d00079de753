import numpy as np
import keras
from keras import layers

DIGITS = 3
MAXLEN = DIGITS + 1 + DIGITS
chars = "0123456789+ "
n = 64
x = np.zeros((n, MAXLEN, len(chars)), dtype="bool")
y = np.zeros((n, MAXLEN, len(chars)), dtype="bool")
for i in range(n):
    x[i, np.arange(MAXLEN), np.random.randint(0, len(chars), MAXLEN)] = 1
    y[i, np.arange(MAXLEN), np.random.randint(0, len(chars), MAXLEN)] = 1

model = keras.Sequential()
model.add(layers.Input((MAXLEN, len(chars))))
model.add(layers.LSTM(32))
model.add(layers.RepeatVector(DIGITS + 1))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.Dense(len(chars), activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
