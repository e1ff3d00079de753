# Node classification with a two-layer graph convolutional network in single-graph mode:
# the node features X (nodes, features) and the normalised adjacency matrix A (nodes,
# nodes) are fed whole, one graph per batch. Trained on one citation graph, the model is
# then used to label the papers of a second, smaller graph.
import numpy as np
import keras
from keras import layers, ops


class GraphConv(layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shapes):
        features_shape, _ = input_shapes
        self.kernel = self.add_weight(shape=(features_shape[-1], self.units), initializer="glorot_uniform")

    def call(self, inputs):
        features, adjacency = inputs
        return self.activation(ops.matmul(adjacency, ops.matmul(features, self.kernel)))


def random_graph(rng, n_nodes, n_features):
    links = (rng.random((n_nodes, n_nodes)) < 0.05).astype("float32")
    adjacency = np.maximum(links, links.T) + np.eye(n_nodes, dtype="float32")
    inv_sqrt_deg = 1.0 / np.sqrt(adjacency.sum(axis=1))
    adjacency = adjacency * inv_sqrt_deg[:, None] * inv_sqrt_deg[None, :]
    features = (rng.random((n_nodes, n_features)) < 0.1).astype("float32")
    return features, adjacency.astype("float32")


N_FEATURES, N_TOPICS = 40, 4
rng = np.random.default_rng(6)
x_train, a_train = random_graph(rng, 150, N_FEATURES)
topics = keras.utils.to_categorical(rng.integers(0, N_TOPICS, size=150), N_TOPICS)
n_nodes = x_train.shape[0]

x_in = keras.Input(shape=(N_FEATURES,))
a_in = keras.Input(shape=(n_nodes,))
h = GraphConv(16, activation="relu")([x_in, a_in])
h = layers.Dropout(0.5)(h)
topic_probs = GraphConv(N_TOPICS, activation="softmax")([h, a_in])
gcn = keras.Model([x_in, a_in], topic_probs)
gcn.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
gcn.fit([x_train, a_train], topics, batch_size=n_nodes, shuffle=False, epochs=5, verbose=0)

x_new, a_new = random_graph(rng, 60, N_FEATURES)
new_topics = gcn.predict([x_new, a_new], batch_size=x_new.shape[0], verbose=0)
print("predicted topics for", new_topics.shape[0], "papers")
