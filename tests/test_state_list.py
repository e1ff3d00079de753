"""A layer given the list an RNN returns with ``return_state=True`` (real Keras; r649).

``LSTM(.., return_state=True)`` returns [output, h, c]; an attention layer built on that list fails
with "Cannot convert '((None, 16), (None, 16))' to a shape". The LSTM's line is the root cause; the fix
that gives every step's hidden state (``return_sequences=True``) comes first for a layer that attends over
the steps, the one that drops ``return_state`` first for a Dense; each is proven by running the patched
script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class StepPooling(layers.Layer):
    def build(self, input_shape):
        self.score = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="score")

    def call(self, steps):
        weights = ops.softmax(ops.tensordot(steps, self.score, axes=1), axis=1)
        return ops.sum(steps * ops.expand_dims(weights, -1), axis=1)


words = keras.Input(shape=(12,))
x = layers.Embedding(100, 8)(words)
states = layers.GRU(16, return_state=True)(x)
pooled = StepPooling()(states)
model = keras.Model(words, layers.Dense(1, activation="sigmoid")(pooled))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.randint(0, 100, (32, 12)), np.random.randint(0, 2, (32, 1)), epochs=1, verbose=0)
print("ok")
'''


def _error(report: dict) -> dict:
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    return finding


def test_a_layer_given_the_state_list_names_the_rnn_and_returns_its_sequences(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = _error(report)
    assert "the list of 2 tensors that `gru` returns with return_state=True" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "states = layers.GRU(")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "states = layers.GRU(16, return_sequences=True)(x)"


def test_a_dense_given_the_state_list_drops_return_state_first(tmp_path):
    dense = SCRIPT.replace("pooled = StepPooling()(states)", "pooled = layers.Dense(4)(states)")
    report, _, proc = run_json(run_cli, tmp_path, dense)
    assert proc.returncode == 1, proc.stderr
    finding = _error(report)
    assert finding["culprit"]["line"] == line_of(dense, "states = layers.GRU(")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "states = layers.GRU(16)(x)"
