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


in_seq1 = np.arange(10, 200, 10, dtype="float32")
in_seq2 = np.arange(15, 205, 10, dtype="float32")
out_seq = in_seq1 + in_seq2
dataset = np.hstack([in_seq1.reshape(-1, 1), in_seq2.reshape(-1, 1), out_seq.reshape(-1, 1)])

n_steps = 3
X, y = split_sequences(dataset, n_steps)
n_features = 1
X1 = X[:, :, 0].reshape((X.shape[0], X.shape[1], n_features))
X2 = X[:, :, 1].reshape((X.shape[0], X.shape[1], n_features))

# one CNN head per input series
visible1 = keras.Input(shape=(n_steps, n_features))
cnn1 = layers.Conv1D(filters=16, kernel_size=2, activation="relu")(visible1)
cnn1 = layers.MaxPooling1D(pool_size=2)(cnn1)
cnn1 = layers.Flatten()(cnn1)

visible2 = keras.Input(shape=(n_steps, n_features))
cnn2 = layers.Conv1D(filters=16, kernel_size=2, activation="relu")(visible2)
cnn2 = layers.MaxPooling1D(pool_size=2)(cnn2)
cnn2 = layers.Flatten()(cnn2)

merge = layers.concatenate([cnn1, cnn2])
dense = layers.Dense(50, activation="relu")(merge)
output = layers.Dense(1)(dense)
model = keras.Model(inputs=[visible1, visible2], outputs=output)
model.compile(optimizer="adam", loss="mse")

model.fit(X, y, epochs=2, verbose=0)

x_input = np.array([[200, 205], [210, 215], [220, 225]], dtype="float32")
x1 = x_input[:, 0].reshape((1, n_steps, n_features))
x2 = x_input[:, 1].reshape((1, n_steps, n_features))
print(model.predict([x1, x2], verbose=0))
