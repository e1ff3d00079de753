# Graph attention network (GAT) for node classification on a citation graph:
# every edge (target, source) gets an attention score from [z_target || z_source].
import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(11)
num_papers, num_words, num_classes, num_citations = 200, 30, 7, 800
papers_features = rng.integers(0, 2, size=(num_papers, num_words)).astype("float32")
papers_subject = rng.integers(0, num_classes, size=(num_papers,))
citations = rng.integers(0, num_papers, size=(num_citations, 2))  # columns: target, source

random_indices = rng.permutation(num_papers)
train_indices = random_indices[: num_papers // 2]
test_indices = random_indices[num_papers // 2 :]
train_labels = papers_subject[train_indices]
test_labels = papers_subject[test_indices]

# Define graph, namely an edge tensor and a node feature tensor
edges = ops.convert_to_tensor(citations, dtype="int32")
node_states = ops.convert_to_tensor(papers_features, dtype="float32")


class GraphAttention(layers.Layer):
    def __init__(self, units, kernel_initializer="glorot_uniform", **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.kernel_initializer = keras.initializers.get(kernel_initializer)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[0][-1], self.units),
                                      initializer=self.kernel_initializer, name="kernel")
        self.kernel_attention = self.add_weight(shape=(self.units * 2, 1),
                                                initializer=self.kernel_initializer,
                                                name="kernel_attention")
        self.built = True

    def call(self, inputs):
        node_states, edges = inputs
        z = ops.matmul(node_states, self.kernel)
        source_indices = edges[:, 1]
        target_indices = edges[:, 0]
        z_target = ops.take(z, target_indices, axis=0)
        z_source = ops.take(z, source_indices, axis=0)

        z_concat = ops.concatenate([z_target, z_source], axis=0)
        attention_scores = ops.leaky_relu(ops.matmul(z_concat, self.kernel_attention))
        attention_scores = ops.squeeze(attention_scores, -1)
        attention_scores = ops.exp(ops.clip(attention_scores, -2, 2))

        num_nodes = ops.shape(node_states)[0]
        attention_sum = ops.segment_sum(attention_scores, target_indices, num_segments=num_nodes)
        attention_sum_per_edge = ops.take(attention_sum, target_indices, axis=0)
        attention_norm = attention_scores / (attention_sum_per_edge + 1e-8)

        node_states_neighbors = ops.take(z, source_indices, axis=0)
        weighted_neighbors = node_states_neighbors * ops.expand_dims(attention_norm, axis=-1)
        return ops.segment_sum(weighted_neighbors, target_indices, num_segments=num_nodes)


class MultiHeadGraphAttention(layers.Layer):
    def __init__(self, units, num_heads=8, merge_type="concat", **kwargs):
        super().__init__(**kwargs)
        self.num_heads = num_heads
        self.merge_type = merge_type
        self.attention_layers = [GraphAttention(units) for _ in range(num_heads)]

    def call(self, inputs):
        node_states, edges = inputs
        outputs = [layer([node_states, edges]) for layer in self.attention_layers]
        if self.merge_type == "concat":
            outputs = ops.concatenate(outputs, axis=-1)
        else:
            outputs = ops.mean(ops.stack(outputs, axis=0), axis=0)
        return ops.relu(outputs)


class GraphAttentionNetwork(keras.Model):
    def __init__(self, node_states, edges, hidden_units, num_heads, num_layers, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.node_states = node_states
        self.edges = edges
        self.preprocess = layers.Dense(hidden_units * num_heads, activation="relu")
        self.attention_layers = [
            MultiHeadGraphAttention(hidden_units, num_heads) for _ in range(num_layers)
        ]
        self.output_layer = layers.Dense(output_dim)

    def call(self, inputs, training=False):
        indices = inputs
        x = self.preprocess(self.node_states)
        for attention_layer in self.attention_layers:
            x = attention_layer([x, self.edges]) + x
        outputs = self.output_layer(x)
        return ops.take(outputs, indices, axis=0)


HIDDEN_UNITS = 16
NUM_HEADS = 4
NUM_LAYERS = 2
OUTPUT_DIM = num_classes

gat_model = GraphAttentionNetwork(node_states, edges, HIDDEN_UNITS, NUM_HEADS, NUM_LAYERS, OUTPUT_DIM)
gat_model.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.SGD(learning_rate=0.003, momentum=0.9),
    metrics=["accuracy"],
)
gat_model.fit(x=train_indices, y=train_labels, validation_split=0.1, batch_size=32, epochs=2, verbose=0)
_, test_accuracy = gat_model.evaluate(x=test_indices, y=test_labels, verbose=0)
print(f"Test Accuracy {test_accuracy * 100:.1f}%")
