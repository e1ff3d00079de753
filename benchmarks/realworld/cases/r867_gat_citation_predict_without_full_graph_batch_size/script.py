# Graph attention network on a small citation-style graph (keras-gat layout): one graph,
# node features X and adjacency A are fed as two inputs, one row per node, and the
# training nodes are picked with a sample-weight mask.
import numpy as np
import keras
from keras import layers, ops

N_NODES, N_FEATS, N_CLASSES = 60, 12, 3
rng = np.random.default_rng(867)
X = rng.random((N_NODES, N_FEATS)).astype("float32")
A = (rng.random((N_NODES, N_NODES)) < 0.08).astype("float32")
A = np.maximum(A, A.T) + np.eye(N_NODES, dtype="float32")
Y = keras.utils.to_categorical(rng.integers(0, N_CLASSES, N_NODES), N_CLASSES)
train_mask = np.zeros(N_NODES, dtype="float32")
train_mask[:20] = 1.0


class GraphAttention(layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        feat_shape = input_shape[0]
        self.kernel = self.add_weight(shape=(feat_shape[-1], self.units), initializer="glorot_uniform")
        self.attn_self = self.add_weight(shape=(self.units, 1), initializer="glorot_uniform")
        self.attn_neigh = self.add_weight(shape=(self.units, 1), initializer="glorot_uniform")

    def call(self, inputs):
        x, adj = inputs
        h = ops.matmul(x, self.kernel)
        scores = ops.matmul(h, self.attn_self) + ops.transpose(ops.matmul(h, self.attn_neigh))
        scores = ops.leaky_relu(scores, negative_slope=0.2)
        mask = -10e9 * (1.0 - adj)
        weights = ops.softmax(scores + mask, axis=-1)
        return self.activation(ops.matmul(weights, h))


X_in = keras.Input(shape=(N_FEATS,))
A_in = keras.Input(shape=(N_NODES,))
h = layers.Dropout(0.3)(X_in)
h = GraphAttention(16, activation="elu")([h, A_in])
h = layers.Dropout(0.3)(h)
out = GraphAttention(N_CLASSES, activation="softmax")([h, A_in])
gat = keras.Model([X_in, A_in], out)
gat.compile(optimizer=keras.optimizers.Adam(5e-3), loss="categorical_crossentropy",
            weighted_metrics=["acc"])

gat.fit([X, A], Y, sample_weight=train_mask, batch_size=N_NODES, epochs=2, shuffle=False, verbose=0)
probs = gat.predict([X, A], verbose=0)
print("predicted classes of the first nodes:", probs.argmax(axis=1)[:10])
