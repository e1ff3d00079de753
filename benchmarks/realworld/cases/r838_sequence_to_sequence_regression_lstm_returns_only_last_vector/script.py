import numpy as np
import keras
from keras import layers

# each sample: 12 time steps of a 6-dim input vector -> a 4-dim output vector at every step
timesteps, in_dim, out_dim = 12, 6, 4
rng = np.random.default_rng(307)
X = rng.normal(size=(256, timesteps, in_dim)).astype("float32")
W = rng.normal(size=(in_dim, out_dim)).astype("float32")
Y = np.tanh(np.cumsum(X, axis=1) @ W / 4)
print("X", X.shape, "Y", Y.shape)

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, in_dim)))
model.add(layers.LSTM(32))
model.add(layers.Dense(out_dim, activation="tanh"))
model.compile(loss="mse", optimizer="rmsprop")
model.fit(X, Y, batch_size=32, epochs=2, verbose=0)
print("per-step outputs:", model.predict(X[:3], verbose=0).shape)
