import numpy as np
import keras
from keras import layers, ops


def get_fib_seq(n, scale_data=True):
    seq = np.zeros(n)
    fib_n1, fib_n = 0.0, 1.0
    for i in range(n):
        seq[i] = fib_n1 + fib_n
        fib_n1, fib_n = fib_n, seq[i]
    if scale_data:
        seq = (seq - seq.min()) / (seq.max() - seq.min())
    return seq


def get_fib_XY(total_fib_numbers, time_steps, train_percent):
    dat = get_fib_seq(total_fib_numbers)
    Y_ind = np.arange(time_steps, len(dat), 1)
    Y = dat[Y_ind]
    rows_x = len(Y)
    X = dat[0:rows_x]
    for i in range(time_steps - 1):
        X = np.column_stack((X, dat[i + 1:rows_x + i + 1]))
    rand = np.random.RandomState(seed=13).permutation(rows_x)
    X, Y = X[rand], Y[rand]
    X = np.reshape(X, (X.shape[0], X.shape[1], 1))
    split = int(train_percent * rows_x)
    return X[:split], Y[:split], X[split:], Y[split:]


class attention(layers.Layer):
    def build(self, input_shape):
        self.W = self.add_weight(name="attention_weight", shape=(input_shape[-1], 1),
                                 initializer="random_normal", trainable=True)
        self.b = self.add_weight(name="attention_bias", shape=(input_shape[1], 1),
                                 initializer="zeros", trainable=True)

    def call(self, x):
        # alignment scores, one per time step
        e = ops.tanh(ops.matmul(x, self.W) + self.b)
        e = ops.squeeze(e, axis=-1)
        alpha = ops.softmax(e)
        alpha = ops.expand_dims(alpha, axis=-1)
        context = ops.sum(x * alpha, axis=1)
        return context


time_steps, hidden_units = 20, 8
trainX, trainY, testX, testY = get_fib_XY(400, time_steps, 0.7)

x = keras.Input(shape=(time_steps, 1))
rnn_out = layers.SimpleRNN(hidden_units, activation="tanh")(x)
attention_layer = attention()(rnn_out)
outputs = layers.Dense(1, activation="tanh")(attention_layer)
model = keras.Model(x, outputs)
model.compile(loss="mse", optimizer="adam")
model.fit(trainX, trainY, epochs=2, batch_size=16, verbose=0)
print("test mse:", model.evaluate(testX, testY, verbose=0))
