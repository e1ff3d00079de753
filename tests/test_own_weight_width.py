"""A layer of the user's own whose weight is sized for its input, not for what it multiplies (real Keras).

The Antirectifier (r678) multiplies the concatenation of two halves, twice its input's width, by a kernel
made ``shape=(width, width)``. The weight's shape is the root cause; the fix doubles its first axis,
proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Both(layers.Layer):
    def build(self, shape):
        n = shape[-1]
        self.mix = self.add_weight(shape=(n, 4), initializer="ones")

    def call(self, x):
        tripled = ops.concatenate([x, -x, x * x], axis=-1)
        return ops.matmul(tripled, self.mix)


inp = keras.Input((5,))
net = keras.Model(inp, layers.Dense(1)(Both()(inp)))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((6, 5)), np.zeros((6, 1)), epochs=1, verbose=0)
'''


def test_the_weight_gets_the_width_of_the_tensor_it_multiplies(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.mix = self.add_weight(")
    first = finding["fixes"][0]
    assert first["code"] == 'self.mix = self.add_weight(shape=(n * 3, 4), initializer="ones")' and first["proven"]
