import numpy as np
import keras
from keras import layers

# two parallel series observed over 10 time steps
rng = np.random.default_rng(0)
n_series, n_steps, n_features = 60, 10, 2
seq_a = rng.random((n_series, n_steps))
seq_b = rng.random((n_series, n_steps))
data = np.stack([seq_a, seq_b], axis=-1)
print(data.shape)
target = seq_a.sum(axis=1) - seq_b.sum(axis=1)

model = keras.Sequential()
model.add(keras.Input(shape=(n_features, n_steps)))
model.add(layers.LSTM(32))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(data, target, epochs=2, batch_size=12, verbose=0)

one = data[0].reshape((1, n_steps, n_features))
print(model.predict(one, verbose=0))
