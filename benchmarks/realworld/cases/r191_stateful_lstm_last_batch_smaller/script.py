import numpy as np
import keras
from keras import layers

batch_size = 32
n_chars = 16

# 1000 windows of 20 one-hot characters; predict the next character
X = np.zeros((1000, 20, n_chars), dtype="float32")
X[np.arange(1000)[:, None], np.arange(20), np.random.randint(0, n_chars, (1000, 20))] = 1.0
y = keras.utils.to_categorical(np.random.randint(0, n_chars, 1000), n_chars)

model = keras.Sequential([
    keras.Input(batch_shape=(batch_size, 20, n_chars)),
    layers.LSTM(64, stateful=True),
    layers.Dense(n_chars, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.fit(X, y, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
