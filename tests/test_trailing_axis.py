"""Attention weights (batch, steps) times states (batch, steps, features) in a layer's call (real Keras).

The thread's maintainer: the weights have one value per step and need ``K.expand_dims(a)`` so that
``x * a`` scales each step's row. Keras names the layer (or the BiLSTM before it); the line of the
layer's own ``call`` that multiplies is the root cause, and the axis added there is proven by
running the patched script (r419).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class AttentionPooling(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="glorot_uniform", name="w")

    def call(self, x):
        weights = ops.softmax(ops.tanh(ops.tensordot(x, self.w, axes=1)), axis=-1)
        weighted = x * weights
        return ops.sum(weighted, axis=1)


inputs = keras.Input(shape=(12,), dtype="int32")
h = layers.Bidirectional(layers.LSTM(8, return_sequences=True))(layers.Embedding(100, 8)(inputs))
model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(AttentionPooling()(h)))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.randint(1, 100, size=(32, 12)), np.random.randint(0, 2, size=(32,)), epochs=1, verbose=0)
'''


def test_the_multiplying_line_is_the_root_cause_and_the_weights_get_a_trailing_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "weighted = x * weights")
    first = finding["fixes"][0]
    assert first["code"] == "weighted = x * ops.expand_dims(weights, -1)"
    assert first["proven"] and first["verified"], first
