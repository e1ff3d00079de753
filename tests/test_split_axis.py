"""A gating unit that splits its features along the wrong axis (real Keras).

keras-io's gMLP (r1062): ``u, v = ops.split(x, 2, axis=1)`` cuts the patch axis, not the channels, and the gate
``u * v_projected`` fails on 32 against 64. The root cause is the split; the fix splits the last axis,
proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Gate(layers.Layer):
    def __init__(self, patches, **kwargs):
        super().__init__(**kwargs)
        self.across = layers.Dense(patches)

    def gate(self, x):
        u, v = ops.split(x, 2, axis=1)
        v = ops.transpose(self.across(ops.transpose(v, (0, 2, 1))), (0, 2, 1))
        return u * v

    def call(self, x):
        return self.gate(x)


tokens = keras.Input(shape=(8, 8))
model = keras.Model(tokens, layers.Dense(1)(layers.Flatten()(Gate(8)(tokens))))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 8, 8), np.random.rand(4, 1), epochs=1, verbose=0)
'''


def test_the_split_takes_the_last_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "u, v = ops.split(x, 2, axis=1)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "u, v = ops.split(x, 2, axis=-1)" and first["verified"]
