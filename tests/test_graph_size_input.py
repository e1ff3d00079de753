"""An input declared with the training graph's node count (real Keras; r691).

A graph network fit on one whole graph (adjacency (n, n), ``batch_size=n``) and asked about another of m
nodes: the adjacency input's width is the node count, so it becomes ``None``, proven by running the patched
script. ``--quick`` keeps such a whole-graph batch whole (a cut would pair adjacency rows with missing
nodes). A feature input of another width at predict is not blamed this way.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Propagate(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.dense = layers.Dense(units)

    def call(self, inputs):
        nodes, links = inputs
        return ops.matmul(links, self.dense(nodes))


def graph(n):
    links = np.eye(n, dtype="float32") + (np.random.rand(n, n) < 0.1)
    return np.random.rand(n, 6).astype("float32"), (links / links.sum(axis=1, keepdims=True)).astype("float32")


nodes, links = graph(40)
size = nodes.shape[0]
nodes_in = keras.Input(shape=(6,))
links_in = keras.Input(shape=(size,))
scores = layers.Softmax()(Propagate(3)([nodes_in, links_in]))
model = keras.Model([nodes_in, links_in], scores)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit([nodes, links], np.eye(3)[np.random.randint(0, 3, size)], batch_size=size, shuffle=False, epochs=2, verbose=0)
new_nodes, new_links = graph(25)
print(model.predict([new_nodes, new_links], batch_size=len(new_nodes), verbose=0).shape)
'''


def test_an_adjacency_input_of_the_training_node_count_takes_any_graph(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "links_in = keras.Input(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "links_in = keras.Input(shape=(None,))"


def test_a_feature_input_of_another_width_is_not_read_as_a_graph(tmp_path):
    wider = SCRIPT.replace("new_nodes, new_links = graph(25)", "new_nodes, new_links = graph(40)\nnew_nodes = np.random.rand(40, 7)")
    report, _, proc = run_json(run_cli, tmp_path, wider)
    assert proc.returncode == 1, proc.stderr
    culprits = [f["culprit"]["line"] for f in report["findings"] if f.get("culprit")]
    assert line_of(wider, "links_in = keras.Input(") not in culprits
