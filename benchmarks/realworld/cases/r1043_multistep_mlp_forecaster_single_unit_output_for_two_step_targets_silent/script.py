import numpy as np
import keras
from keras import layers


def split_sequence(sequence, n_steps_in, n_steps_out):
    X, y = [], []
    for i in range(len(sequence)):
        end_ix = i + n_steps_in
        out_end_ix = end_ix + n_steps_out
        if out_end_ix > len(sequence):
            break
        X.append(sequence[i:end_ix])
        y.append(sequence[end_ix:out_end_ix])
    return np.array(X, dtype="float32"), np.array(y, dtype="float32")


raw_seq = [10, 20, 30, 40, 50, 60, 70, 80, 90]
n_steps_in, n_steps_out = 3, 2
X, y = split_sequence(raw_seq, n_steps_in, n_steps_out)
print(X.shape, y.shape)

# multi-step forecast: the next two values from the last three
model = keras.Sequential()
model.add(keras.Input(shape=(n_steps_in,)))
model.add(layers.Dense(100, activation="relu"))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=60, verbose=0)

x_input = np.array([70, 80, 90], dtype="float32").reshape((1, n_steps_in))
yhat = model.predict(x_input, verbose=0)
print(yhat)
