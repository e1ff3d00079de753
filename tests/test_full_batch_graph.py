"""A whole-graph convolution (A_hat @ X W in a custom layer) trained with fit([X, A_hat], y, batch_size=16):
the fit call is the culprit and the fix gives it the whole graph in its own order, batch_size in the
script's name for the node count and shuffle=False, proven by running the patched script (keras-gcn's
answer, r963). Real Keras and TensorFlow."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers, ops


class GraphConv(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, shapes):
        self.kernel = self.add_weight(shape=(shapes[0][-1], self.units), initializer="glorot_uniform")

    def call(self, inputs):
        features, basis = inputs
        return ops.matmul(basis, ops.matmul(features, self.kernel))


n_nodes = 40
rng = np.random.default_rng(0)
X = rng.random((n_nodes, 6)).astype("float32")
A_hat = (rng.random((n_nodes, n_nodes)) > 0.9).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, 3, size=n_nodes), 3)
X_in, G = keras.Input(shape=(6,)), keras.Input(shape=(n_nodes,))
model = keras.Model([X_in, G], layers.Softmax()(GraphConv(3)([X_in, G])))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit([X, A_hat], y, batch_size=16, epochs=1, verbose=0)
"""


def test_a_whole_graph_model_gets_the_whole_graph_in_one_batch(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    fit = line_of(SCRIPT, "model.fit(")
    assert finding["culprit"]["line"] == fit
    first = finding["fixes"][0]
    assert first["proven"], first
    assert first["code"] == "model.fit([X, A_hat], y, batch_size=n_nodes, epochs=1, verbose=0, shuffle=False)"
