"""A user-written layer made with its size arguments in the wrong order (real Keras).

Hands-On ML chapter 16's positional encoding (r632): ``PositionalEncoding(max_length, embed_size)``
made as ``PositionalEncoding(embed_size, max_length)``. The layer's own ``call`` fails; Keras names it
and the embedding before it. The construction call passes the constructor's own parameter names at
each other's positions: that call is the cause, and the arguments in the signature's order the fix,
proven by running the patched script. Two different names in an order the signature does not name
are left to the other rules.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class LearnedPositions(layers.Layer):
    def __init__(self, steps, width, **kwargs):
        super().__init__(**kwargs)
        self.table = self.add_weight(shape=(steps, width), initializer="zeros")

    def call(self, x):
        return x + self.table


steps = 10
width = 16
tokens = keras.Input(shape=(steps,), dtype="int32")
h = layers.Embedding(50, width)(tokens)
h = LearnedPositions(width, steps)(h)
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(h))
model = keras.Model(tokens, out)
print(model.predict(np.ones((2, steps), dtype="int32"), verbose=0).shape)
'''


def test_the_construction_call_is_named_and_reordered(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "h = LearnedPositions(width, steps)(h)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "h = LearnedPositions(steps, width)(h)", first
    assert not any(step["role"] == "culprit" for step in finding["path"])
    assert "LearnedPositions(steps, width)" in written_and_run(run_cli, tmp_path)


def test_names_that_are_not_the_parameters_are_not_reordered(tmp_path):
    other = SCRIPT.replace("steps = 10\nwidth = 16\n", "steps = 10\nwidth = 16\nrows, cols = width, steps\n").replace(
        "LearnedPositions(width, steps)(h)", "LearnedPositions(rows, cols)(h)")
    report, _, proc = run_json(run_cli, tmp_path, other)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert not any("LearnedPositions(cols, rows)" in f["code"] for f in finding["fixes"]), finding["fixes"]
