"""A custom layer's ``compute_output_shape`` that nests a tuple inside the shape it returns (real Keras).

``return (input_shape[0], self.grid)`` with ``self.grid = (3, 4)`` is ``(None, (3, 4))``; Keras cannot make a
shape of it when the layer is called on a symbolic input. The ``return`` line is the root cause and the
fix joins the tuples, ``(input_shape[0],) + self.grid``, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class ToGrid(layers.Layer):
    def __init__(self, grid, **kwargs):
        super().__init__(**kwargs)
        self.grid = tuple(grid)

    def call(self, x):
        return ops.reshape(x, (-1,) + self.grid)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.grid)


inputs = keras.Input(shape=(12,))
cells = ToGrid((3, 4))(inputs)
model = keras.Model(inputs, layers.Dense(1)(layers.Flatten()(cells)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(20, 12), np.random.rand(20, 1), epochs=1, verbose=0)
'''


def test_the_return_joins_the_tuples(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return (input_shape[0], self.grid)")
    first = finding["fixes"][0]
    assert first["code"] == "return (input_shape[0],) + self.grid" and first["proven"], first
