import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

NODE_FEATS, EDGE_FEATS = 9, 4
GRAPHS, NODES_EACH, EDGES_EACH = 6, 5, 8
TOTAL_NODES = GRAPHS * NODES_EACH


def disjoint_batch(gen):
    nodes = gen.normal(size=(TOTAL_NODES, NODE_FEATS)).astype("float32")
    edges = gen.normal(size=(GRAPHS * EDGES_EACH, EDGE_FEATS)).astype("float32")
    links = np.concatenate([gen.integers(0, NODES_EACH, size=(EDGES_EACH, 2)) + g * NODES_EACH
                            for g in range(GRAPHS)]).astype("int32")
    owner = np.repeat(np.arange(GRAPHS), NODES_EACH).astype("int32")
    target = gen.integers(0, 2, size=(GRAPHS, 1)).astype("float32")
    return (nodes, edges, links, owner), target


class BondConditionedMessages(layers.Layer):
    def build(self, input_shape):
        self.node_width = input_shape[0][-1]
        self.edge_width = input_shape[1][-1]
        self.w = self.add_weight(shape=(self.edge_width, self.node_width ** 2), initializer="glorot_uniform", name="w")
        self.b = self.add_weight(shape=(self.node_width ** 2,), initializer="zeros", name="b")

    def call(self, inputs):
        nodes, edges, links = inputs
        mats = ops.reshape(ops.matmul(edges, self.w) + self.b, (-1, self.node_width, self.node_width))
        neighbours = ops.take(nodes, links[:, 1], axis=0)
        msgs = ops.squeeze(ops.matmul(mats, ops.expand_dims(neighbours, -1)), -1)
        return ops.segment_sum(msgs, links[:, 0], num_segments=TOTAL_NODES)


class GatedMessagePassing(layers.Layer):
    def __init__(self, units, rounds=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.rounds = rounds

    def build(self, input_shape):
        self.node_width = input_shape[0][-1]
        self.pad = max(0, self.units - self.node_width)
        self.messages = BondConditionedMessages()
        self.update = layers.GRUCell(self.node_width + self.pad)

    def call(self, inputs):
        nodes, edges, links = inputs
        state = ops.pad(nodes, [(0, 0), (0, self.pad)])
        for _ in range(self.rounds):
            incoming = self.messages([state, edges, links])
            state, _ = self.update(incoming, state)
        return state


class GraphSumReadout(layers.Layer):
    def call(self, inputs):
        states, owner = inputs
        return ops.segment_sum(states, owner, num_segments=GRAPHS) / float(NODES_EACH)


node_in = layers.Input((NODE_FEATS,), name="nodes")
edge_in = layers.Input((EDGE_FEATS,), name="edges")
link_in = layers.Input((2,), dtype="int32", name="links")
owner_in = layers.Input((), dtype="int32", name="owner")
h = GatedMessagePassing(units=24, rounds=3)([node_in, edge_in, link_in])
h = GraphSumReadout()([h, owner_in])
h = layers.Dense(32, activation="relu")(h)
prob = layers.Dense(1, activation="sigmoid")(h)
graph_net = keras.Model([node_in, edge_in, link_in, owner_in], prob)
graph_net.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(1e-3))

gen = np.random.default_rng(169)
stored = [disjoint_batch(gen) for _ in range(5)]
batches = tf.data.Dataset.from_generator(
    lambda: iter(stored),
    output_signature=(
        (tf.TensorSpec((None, NODE_FEATS), tf.float32), tf.TensorSpec((None, EDGE_FEATS), tf.float32),
         tf.TensorSpec((None, 2), tf.int32), tf.TensorSpec((None,), tf.int32)),
        tf.TensorSpec((None, 1), tf.float32),
    ),
)
graph_net.fit(batches, epochs=2, verbose=0)
print("graph probabilities:", graph_net.predict(batches.take(1), verbose=0).shape)
