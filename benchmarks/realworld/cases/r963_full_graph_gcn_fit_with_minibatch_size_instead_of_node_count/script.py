import numpy as np
import keras
from keras import layers, ops


class GraphConvolution(layers.Layer):
    """Kipf & Welling graph convolution: A_hat . X . W"""

    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shapes):
        features_shape = input_shapes[0]
        self.kernel = self.add_weight(shape=(features_shape[-1], self.units), initializer="glorot_uniform")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        features, basis = inputs
        supports = ops.matmul(features, self.kernel)
        return self.activation(ops.matmul(basis, supports) + self.bias)


rng = np.random.default_rng(963)
n_nodes, n_feats, n_classes = 60, 24, 3
X = (rng.random((n_nodes, n_feats)) > 0.8).astype("float32")
A = (rng.random((n_nodes, n_nodes)) > 0.92).astype("float32")
A = np.maximum(A, A.T) + np.eye(n_nodes, dtype="float32")
d_inv_sqrt = 1.0 / np.sqrt(A.sum(axis=1))
A_hat = (A * d_inv_sqrt[:, None] * d_inv_sqrt[None, :]).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, n_classes, size=n_nodes), n_classes)
train_mask = np.zeros(n_nodes, dtype="float32")
train_mask[:20] = 1.0

X_in = keras.Input(shape=(n_feats,))
G = keras.Input(shape=(n_nodes,))
H = GraphConvolution(16, activation="relu")([X_in, G])
H = layers.Dropout(0.5)(H)
Y = GraphConvolution(n_classes, activation="softmax")([H, G])

model = keras.Model(inputs=[X_in, G], outputs=Y)
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01))

graph = [X, A_hat]
for epoch in range(3):
    model.fit(graph, y, sample_weight=train_mask, batch_size=32, epochs=1, verbose=0)
    preds = model.predict(graph, batch_size=A.shape[0], verbose=0)
    print(epoch, float(np.mean(np.argmax(preds[20:], 1) == np.argmax(y[20:], 1))))
