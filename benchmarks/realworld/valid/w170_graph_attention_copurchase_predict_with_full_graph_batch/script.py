# Node classification on a small co-purchase graph with a graph attention network: the
# whole graph is one batch (item features and adjacency rows as two inputs), so both
# training and inference pass batch_size equal to the number of items.
import numpy as np
import keras
from keras import layers, ops

n_items, n_feats, n_categories = 45, 10, 4
gen = np.random.default_rng(170)
features = gen.normal(size=(n_items, n_feats)).astype("float32")
adjacency = (gen.random((n_items, n_items)) < 0.1).astype("float32")
adjacency = np.maximum(adjacency, adjacency.T)
np.fill_diagonal(adjacency, 1.0)
categories = keras.utils.to_categorical(gen.integers(0, n_categories, n_items), n_categories)
labelled = (gen.random(n_items) < 0.4).astype("float32")


class NeighbourAttention(layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        in_dim = input_shape[0][-1]
        self.proj = self.add_weight(shape=(in_dim, self.units), initializer="glorot_uniform")
        self.a_src = self.add_weight(shape=(self.units, 1), initializer="glorot_uniform")
        self.a_dst = self.add_weight(shape=(self.units, 1), initializer="glorot_uniform")

    def call(self, inputs):
        feats, adj = inputs
        z = ops.matmul(feats, self.proj)
        logits = ops.leaky_relu(ops.matmul(z, self.a_src) + ops.transpose(ops.matmul(z, self.a_dst)), 0.2)
        attn = ops.softmax(logits - 1e9 * (1.0 - adj), axis=-1)
        return self.activation(ops.matmul(attn, z))


feat_in = keras.Input(shape=(n_feats,))
adj_in = keras.Input(shape=(n_items,))
z = NeighbourAttention(12, activation="elu")([layers.Dropout(0.2)(feat_in), adj_in])
scores = NeighbourAttention(n_categories, activation="softmax")([z, adj_in])
net = keras.Model([feat_in, adj_in], scores)
net.compile(optimizer=keras.optimizers.Adam(1e-2), loss="categorical_crossentropy", weighted_metrics=["acc"])

net.fit([features, adjacency], categories, sample_weight=labelled, batch_size=n_items,
        epochs=2, shuffle=False, verbose=0)
pred = net.predict([features, adjacency], batch_size=n_items, verbose=0)
print("category of each item:", pred.argmax(-1)[:12])
