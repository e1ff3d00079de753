"""A user layer that transposes a time axis its input lost at a GRU upstream (real Keras).

``ops.transpose(scores, axes=[1, 0, 2])`` in a layer of the user's own fails with "axis 2 is out of bounds"
because the GRU two layers above returns only its last step. The GRU's creation is the root cause (not
the other input of the layer, nor the layer itself) and the fix adds ``return_sequences=True`` there,
proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import keras
from keras import layers, ops


class TimeMajor(layers.Layer):
    def call(self, tags, scores):
        return ops.transpose(scores, axes=[1, 0, 2]) + ops.cast(ops.sum(tags), "float32")


frames = keras.Input(shape=(10, 6))
tags = keras.Input(shape=(None,))
h = layers.GRU(12)(frames)
h = layers.Dropout(0.1)(h)
scores = layers.Dense(7, activation="softmax")(h)
out = TimeMajor()(tags, scores)
model = keras.Model([frames, tags], out)
'''


def test_the_gru_returns_its_sequence(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "h = layers.GRU(12)(frames)")
    first = finding["fixes"][0]
    assert first["code"] == "h = layers.GRU(12, return_sequences=True)(frames)" and first["proven"]
