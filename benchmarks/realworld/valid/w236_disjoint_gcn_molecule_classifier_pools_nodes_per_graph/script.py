import numpy as np
import keras
from keras import layers, ops

# Molecule classification in disjoint mode: block-diagonal adjacency, one label per graph.
n_atom_features, n_classes, graphs_per_batch = 5, 2, 6
rng = np.random.default_rng(7)

def random_molecule():
    n = int(rng.integers(5, 10))
    bonds = np.zeros((n, n), dtype="float32")
    for k in range(1, n):
        j = int(rng.integers(0, k))
        bonds[k, j] = bonds[j, k] = 1.0
    bonds += np.eye(n, dtype="float32")
    d = bonds.sum(1)
    feats = rng.normal(size=(n, n_atom_features)).astype("float32")
    label = np.eye(n_classes, dtype="float32")[int(feats[:, 0].sum() > 0)]
    return feats, bonds / np.sqrt(np.outer(d, d)), label


molecules = [random_molecule() for _ in range(30)]

def batches(mols):
    while True:
        for s in range(0, len(mols), graphs_per_batch):
            chunk = mols[s:s + graphs_per_batch]
            counts = [m[0].shape[0] for m in chunk]
            total = sum(counts)
            adj = np.zeros((total, total), dtype="float32")
            start = 0
            for m, c in zip(chunk, counts):
                adj[start:start + c, start:start + c] = m[1]
                start += c
            feats = np.concatenate([m[0] for m in chunk])
            seg = np.repeat(np.arange(len(chunk)), counts).astype("int32")
            labels = np.stack([m[2] for m in chunk])
            yield (feats, adj, seg), labels

class GraphConv(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.proj = layers.Dense(units, activation="relu")

    def call(self, inputs):
        h, adj = inputs
        return self.proj(ops.matmul(adj, h))

class SumReadout(layers.Layer):
    def call(self, inputs):
        h, seg = inputs
        return ops.segment_sum(h, seg, sorted=True)

class MoleculeNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.gc1 = GraphConv(24)
        self.gc2 = GraphConv(24)
        self.readout = SumReadout()
        self.head = layers.Dense(n_classes, activation="softmax")

    def call(self, inputs):
        h, adj, seg = inputs
        h = self.gc2([self.gc1([h, adj]), adj])
        return self.head(self.readout([h, seg]))


net = MoleculeNet()
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(batches(molecules), steps_per_epoch=len(molecules) // graphs_per_batch, epochs=2)
(x_b, a_b, i_b), y_b = next(batches(molecules))
print("graph predictions", net.predict_on_batch([x_b, a_b, i_b]).shape, "labels", y_b.shape)
