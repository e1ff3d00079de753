# Graph-level classifier in batch mode: every sample is a small graph given as a node
# feature matrix and its normalized adjacency matrix. Graphs can have any number of nodes,
# so the node axis is left unspecified.
import numpy as np
import keras
from keras import layers, ops

N_FEATS = 8
rng = np.random.default_rng(868)


def random_graphs(n_graphs, n_nodes):
    x = rng.random((n_graphs, n_nodes, N_FEATS)).astype("float32")
    a = (rng.random((n_graphs, n_nodes, n_nodes)) < 0.3).astype("float32")
    a = np.maximum(a, a.transpose(0, 2, 1)) + np.eye(n_nodes, dtype="float32")
    deg = a.sum(-1, keepdims=True)
    return x, a / deg


class GCNConv(layers.Layer):
    def __init__(self, channels, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.channels = channels
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[0][-1], self.channels), initializer="glorot_uniform")
        self.bias = self.add_weight(shape=(self.channels,), initializer="zeros")

    def call(self, inputs):
        x, a = inputs
        return self.activation(ops.matmul(a, ops.matmul(x, self.kernel)) + self.bias)


X_in = keras.Input(shape=(None, N_FEATS), name="node_features")
A_in = keras.Input(shape=(None, None), name="adjacency")
h = GCNConv(32, activation="relu")([X_in, A_in])
h = GCNConv(32, activation="relu")([h, A_in])
h = layers.Flatten()(h)
h = layers.Dense(64, activation="relu")(h)
out = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model([X_in, A_in], out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

x_train, a_train = random_graphs(96, 10)
y_train = rng.integers(0, 2, (96, 1)).astype("float32")
model.fit([x_train, a_train], y_train, batch_size=16, epochs=2, verbose=0)
print("trained on", len(x_train), "graphs")
