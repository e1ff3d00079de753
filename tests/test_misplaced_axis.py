"""An axis added in the wrong place in a layer's own ``call`` (real Keras).

The keras-io mixture-of-experts recipe expands the gate (batch, experts) to (batch, 1, experts) before
weighting the experts' (batch, units, experts) outputs; expanded on the last axis, (batch, experts, 1),
the product fails (r468). The line that added the axis is the root cause; the fix writes the axis that
lines up, proven by running the patched script. A correct layer is not flagged.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Mixture(layers.Layer):
    def __init__(self, units, experts, **kwargs):
        super().__init__(**kwargs)
        self.units, self.experts = units, experts

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units, self.experts))
        self.g = self.add_weight(shape=(input_shape[-1], self.experts))

    def call(self, inputs):
        outs = ops.tensordot(inputs, self.w, axes=1)
        gate = ops.softmax(ops.matmul(inputs, self.g))
        gate = ops.expand_dims(gate, axis=2)
        return ops.sum(outs * gate, axis=-1)


inputs = keras.Input(shape=(10,))
outputs = layers.Dense(1)(Mixture(6, 4)(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 10), np.random.rand(16, 1), epochs=1, verbose=0)
'''


def test_the_line_that_added_the_axis_gets_the_axis_that_lines_up(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "gate = ops.expand_dims(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "gate = ops.expand_dims(gate, axis=1)", first
    assert "gate = ops.expand_dims(gate, axis=1)" in written_and_run(run_cli, tmp_path)


def test_the_right_axis_is_not_flagged(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT.replace("axis=2)", "axis=1)"))
    assert proc.returncode == 0 and report["status"] == "ok", proc.stderr
