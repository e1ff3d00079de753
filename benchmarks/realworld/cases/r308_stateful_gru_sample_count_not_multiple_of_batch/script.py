# A stateful GRU forecaster: the batch size is fixed in the first layer's batch shape.
import numpy as np
import keras
from keras import layers

batch_size = 8
timesteps = 10
n_features = 3

rng = np.random.default_rng(3)
series = rng.normal(size=(1040, n_features)).astype("float32")
windows = np.stack([series[i : i + timesteps] for i in range(0, 1030, 10)])
X_train = windows
y_train = windows[:, -1, :1] * 0.5

model = keras.Sequential()
model.add(keras.Input(batch_shape=(batch_size, timesteps, n_features)))
model.add(layers.GRU(32, stateful=True, return_sequences=True))
model.add(layers.GRU(16, stateful=True))
model.add(layers.Dense(1))
model.compile(loss="mse", optimizer="adam")

for epoch in range(2):
    model.fit(X_train, y_train, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    model.layers[0].reset_states()
print("trained")
