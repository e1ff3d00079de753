"""A custom layer built by hand for another width than the data it gets (real Keras).

The keras-io saving guide builds a layer whose ``build`` takes an extra argument by hand:
``custom_layer.build(input_shape=(8,), layer_init=...)``. Kept for data of 12 features, the (8, units) kernel
fails inside the layer's ``call`` (r995). The root cause is the hand-made ``build`` call, and the fix writes
the width the layer receives there, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras


class Projection(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape, init):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer=init)

    def call(self, inputs):
        return tf.matmul(inputs, self.w)


readings = np.random.default_rng(0).random((32, 12)).astype("float32")
projection = Projection(4)
projection.build(input_shape=(8,), init="glorot_uniform")
model = keras.Sequential([projection, keras.layers.Dense(1)])
print(model(readings).shape)
'''


def test_the_hand_made_build_call_is_the_root_cause_and_gets_the_received_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, 'projection.build(input_shape=(8,), init="glorot_uniform")')
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == 'projection.build(input_shape=(12,), init="glorot_uniform")' and first["line"] == line
    written = written_and_run(run_cli, tmp_path)
    assert 'projection.build(input_shape=(12,), init="glorot_uniform")' in written

