"""Position indices counted to another length than the sequences they are added to (real Keras).

A functional model adds a position table, looked up with ``ops.arange(...)``, to token embeddings. Counted
one too far, Keras's own symbolic check refuses the sum ("Cannot broadcast shape ... [None, 6, 8] and
[7, 8]") outside any layer. The count is the root cause; the fix counts to the length the ``Input``
declares, spelled as the script spells it, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

WINDOW = 6
tokens = keras.Input(shape=(WINDOW,), dtype="int32")
embedded = layers.Embedding(30, 8)(tokens)
where = ops.arange(WINDOW + 1)
summed = embedded + layers.Embedding(WINDOW + 1, 8)(where)
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(summed))
net = keras.Model(tokens, out)
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, WINDOW), "int32"), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_the_count_of_positions_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "where = ops.arange(WINDOW + 1)")
    first = finding["fixes"][0]
    assert first["code"] == "where = ops.arange(WINDOW)" and first["proven"]


def test_keras_symbolic_broadcast_message_is_recognised():
    from shapedoctor.messages import parse

    facts = parse("ValueError: Cannot broadcast shape, the failure dim has value 6, which cannot be broadcasted "
                  "to 7. Input shapes are: [None, 6, 8] and [7, 8].")
    assert facts is not None and facts.family == "SD104"
    assert facts.shapes == ["(None, 6, 8)", "(7, 8)"]


LAYER_SCRIPT = '''import numpy as np
import keras
from keras import layers


class TokenAndPosition(layers.Layer):
    def __init__(self, maxlen, vocab, dim):
        super().__init__()
        self.maxlen = maxlen
        self.tokens = layers.Embedding(vocab, dim)
        self.positions = layers.Embedding(maxlen, dim)

    def call(self, ids):
        seq = self.tokens(ids)
        where = keras.ops.arange(self.maxlen)[None, :]
        where = self.positions(where)
        return seq + where


ids = np.random.default_rng(0).integers(1, 40, size=(16, 12))
inputs = keras.Input(shape=(None,), dtype="int32")
x = TokenAndPosition(maxlen=20, vocab=40, dim=8)(inputs)
outputs = layers.Dense(1)(layers.GlobalAveragePooling1D()(x))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(ids, np.zeros((16, 1)), epochs=1, verbose=0)
print("trained")
'''


def test_positions_counted_to_the_table_inside_a_layer_count_the_sequence(tmp_path):
    """Inside a layer's call the count is the table's size, ``arange(self.maxlen)``, for sequences of 12
    (TensorFlow's captioning tutorial, r957): the count's line is the root cause and the fix counts the
    sequence's own positions, whatever length each batch has (proven)."""
    report, _, proc = run_json(run_cli, tmp_path, LAYER_SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(LAYER_SCRIPT, "keras.ops.arange(self.maxlen)")
    assert "`self.maxlen` only sizes the position table" in finding["explanation"]
    first = finding["fixes"][0]
    assert first["code"] == "where = keras.ops.arange(keras.ops.shape(seq)[1])[None, :]", first
    assert first["proven"], first
