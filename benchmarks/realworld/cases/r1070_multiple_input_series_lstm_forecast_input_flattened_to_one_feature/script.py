import numpy as np
import keras
from keras import layers


def split_sequences(sequences, n_steps):
    X, y = [], []
    for i in range(len(sequences)):
        end_ix = i + n_steps
        if end_ix > len(sequences):
            break
        X.append(sequences[i:end_ix, :-1])
        y.append(sequences[end_ix - 1, -1])
    return np.array(X), np.array(y)


in_seq1 = np.arange(10, 310, 10, dtype="float32")
in_seq2 = np.arange(15, 315, 10, dtype="float32")
out_seq = in_seq1 + in_seq2
dataset = np.column_stack([in_seq1, in_seq2, out_seq]) / 100.0

n_steps = 3
X, y = split_sequences(dataset, n_steps)
n_features = X.shape[2]

model = keras.Sequential([
    keras.Input(shape=(n_steps, n_features)),
    layers.LSTM(50, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2, verbose=0)

x_input = np.array([[0.8, 0.85], [0.9, 0.95], [1.0, 1.05]], dtype="float32")
x_input = x_input.reshape((1, n_steps * n_features, 1))
yhat = model.predict(x_input, verbose=0)
print(yhat)
