"""A Dense layer written from scratch creates its kernel (units, input width) (real Keras; ``run --json``).

Deep Learning with Python's ``SimpleDense`` creates ``W`` as ``(input_dim, units)``; swapped, the
first call fails in the layer's own ``matmul`` and Keras names the layer as refusing its input. The
``add_weight`` line is the root cause and swapping its two sizes the fix, proven by the patched
script (r402).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras


class SimpleDense(keras.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        batch_dim, input_dim = input_shape
        self.W = self.add_weight(shape=(self.units, input_dim), initializer="random_normal")

    def call(self, inputs):
        return keras.ops.matmul(inputs, self.W)


layer = SimpleDense(units=8)
print(layer(keras.ops.ones((2, 20))).shape)
'''


def test_the_add_weight_line_is_the_root_cause_and_its_sizes_are_swapped(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.W = self.add_weight(")
    first = finding["fixes"][0]
    assert first["proven"] and "shape=(input_dim, self.units)" in first["code"]
