import numpy as np
import keras
from keras import layers, ops


class Attention(layers.Layer):
    """Luong-style attention over the time steps of a sequence of hidden states."""

    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        hidden_size = int(input_shape[2])
        self.score_w = self.add_weight(shape=(hidden_size, hidden_size), initializer="glorot_uniform", name="score_w")
        self.out_w = self.add_weight(shape=(2 * hidden_size, self.units), initializer="glorot_uniform", name="out_w")

    def call(self, hidden_states):
        h_t = hidden_states[:, -1, :]
        score = ops.einsum("bth,hk,bk->bt", hidden_states, self.score_w, h_t)
        weights = ops.softmax(score, axis=1)
        context = ops.einsum("bt,bth->bh", weights, hidden_states)
        return ops.tanh(ops.matmul(ops.concatenate([context, h_t], axis=-1), self.out_w))


rng = np.random.default_rng(971)
train_X = rng.normal(size=(200, 24, 3)).astype("float32")          # 24 hourly readings of 3 sensors
train_y = (train_X[:, -6:, 0].mean(axis=1) + 0.1 * rng.normal(size=200)).astype("float32")

model_kind = "ann"
num_hidden_layers, num_neurons = 2, 32

model_input = keras.Input(shape=(train_X.shape[1], train_X.shape[2]))
x = model_input if model_kind == "lstm" else layers.Flatten()(model_input)
for i in range(num_hidden_layers):
    if model_kind == "lstm":
        x = layers.LSTM(num_neurons, return_sequences=True)(x)
    else:
        x = layers.Dense(num_neurons, activation="relu")(x)
    x = layers.Dropout(0.1)(x)
x = Attention(units=16)(x)
outputs = layers.Dense(1, activation="linear")(x)
model = keras.Model(model_input, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(train_X, train_y, batch_size=32, epochs=2, verbose=0)
print(model.predict(train_X[:3], verbose=0).ravel())
