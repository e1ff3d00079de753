import numpy as np
import keras
from keras import layers, ops


class GraphConv(layers.Layer):
    """Renormalised graph convolution: propagate(A_norm, H . W)"""

    def __init__(self, channels, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.channels = channels
        self.activation = keras.activations.get(activation)

    def build(self, input_shapes):
        feat_dim = input_shapes[0][-1]
        self.w = self.add_weight(shape=(feat_dim, self.channels), initializer="glorot_uniform", name="w")
        self.b = self.add_weight(shape=(self.channels,), initializer="zeros", name="b")

    def call(self, inputs):
        h, a_norm = inputs
        return self.activation(ops.matmul(a_norm, ops.matmul(h, self.w)) + self.b)


gen = np.random.default_rng(186)
num_papers, vocab_bits, num_topics = 48, 30, 4
bag_of_words = (gen.random((num_papers, vocab_bits)) > 0.75).astype("float32")
citations = (gen.random((num_papers, num_papers)) > 0.9).astype("float32")
citations = np.maximum(citations, citations.T) + np.eye(num_papers, dtype="float32")
deg = citations.sum(axis=1)
a_norm = (citations / np.sqrt(deg)[:, None] / np.sqrt(deg)[None, :]).astype("float32")
topics = keras.utils.to_categorical(gen.integers(0, num_topics, size=num_papers), num_topics)
labelled = (np.arange(num_papers) < 16).astype("float32")

words_in = keras.Input(shape=(vocab_bits,))
graph_in = keras.Input(shape=(num_papers,))
h = GraphConv(12, activation="relu")([words_in, graph_in])
h = layers.Dropout(0.4)(h)
topic_probs = GraphConv(num_topics, activation="softmax")([h, graph_in])
gcn = keras.Model([words_in, graph_in], topic_probs)
gcn.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="categorical_crossentropy")

full_graph = [bag_of_words, a_norm]
for step in range(4):
    gcn.fit(full_graph, topics, sample_weight=labelled, batch_size=a_norm.shape[0], shuffle=False,
            epochs=1, verbose=0)
    probs = gcn.predict(full_graph, batch_size=a_norm.shape[0], verbose=0)
    print(step, probs.shape, float(np.mean(np.argmax(probs[16:], 1) == np.argmax(topics[16:], 1))))
