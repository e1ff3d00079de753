from random import random
import numpy as np
import keras
from keras import layers


def get_sequence(n_timesteps):
    X = np.array([random() for _ in range(n_timesteps)])
    limit = n_timesteps / 4.0
    y = np.array([0 if x < limit else 1 for x in np.cumsum(X)])
    X = X.reshape(1, n_timesteps, 1)
    y = y.reshape(1, n_timesteps, 1)
    return X, y


n_timesteps = 10
model = keras.Sequential()
model.add(keras.Input(shape=(n_timesteps, 1)))
model.add(layers.Bidirectional(layers.LSTM(20)))
model.add(layers.TimeDistributed(layers.Dense(1, activation="sigmoid")))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

for epoch in range(20):
    X, y = get_sequence(n_timesteps)
    model.fit(X, y, epochs=1, batch_size=1, verbose=0)

X, y = get_sequence(n_timesteps)
yhat = (model.predict(X, verbose=0) > 0.5).astype("int32")
print(y.reshape(-1), yhat.reshape(-1))
