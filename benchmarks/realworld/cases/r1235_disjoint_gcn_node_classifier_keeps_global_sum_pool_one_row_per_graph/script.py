import numpy as np
import keras
from keras import layers, ops

# Node classification on small graphs in disjoint mode (Spektral DisjointLoader layout).
n_features, n_labels = 6, 3
rng = np.random.default_rng(1)

def make_graph():
    n = int(rng.integers(8, 13))
    adj = (rng.random((n, n)) < 0.3).astype("float32")
    adj = np.maximum(adj, adj.T) + np.eye(n, dtype="float32")
    deg = adj.sum(1)
    a_norm = adj / np.sqrt(np.outer(deg, deg))
    x = rng.normal(size=(n, n_features)).astype("float32")
    y = np.eye(n_labels, dtype="float32")[rng.integers(0, n_labels, n)]
    return x, a_norm, y


graphs = [make_graph() for _ in range(24)]

def disjoint_loader(graphs, batch_size=4):
    while True:
        for s in range(0, len(graphs), batch_size):
            batch = graphs[s:s + batch_size]
            sizes = [g[0].shape[0] for g in batch]
            a = np.zeros((sum(sizes), sum(sizes)), dtype="float32")
            offset = 0
            for g, n in zip(batch, sizes):
                a[offset:offset + n, offset:offset + n] = g[1]
                offset += n
            x = np.concatenate([g[0] for g in batch])
            i = np.repeat(np.arange(len(batch)), sizes).astype("int32")
            y = np.concatenate([g[2] for g in batch])
            yield (x, a, i), y

class GCNConv(layers.Layer):
    def __init__(self, channels, activation=None):
        super().__init__()
        self.dense = layers.Dense(channels, use_bias=False)
        self.activation = keras.activations.get(activation)

    def call(self, inputs):
        x, a = inputs
        return self.activation(ops.matmul(a, self.dense(x)))

class GlobalSumPool(layers.Layer):
    def call(self, inputs):
        x, i = inputs
        return ops.segment_sum(x, i, sorted=True)

class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv1 = GCNConv(32, activation="relu")
        self.conv2 = GCNConv(32, activation="relu")
        self.pool = GlobalSumPool()
        self.dense = layers.Dense(n_labels, activation="softmax")

    def call(self, inputs):
        x, a, i = inputs
        x = self.conv1([x, a])
        x = self.conv2([x, a])
        output = self.pool([x, i])
        output = self.dense(output)
        return output


model = Net()
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(disjoint_loader(graphs), steps_per_epoch=len(graphs) // 4, epochs=2)
