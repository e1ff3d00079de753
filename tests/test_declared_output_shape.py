"""A custom layer whose ``compute_output_shape`` declares another shape than its ``call`` returns (real Keras).

The layer pools over the time axis, returning (batch, features), but declares (batch, steps). The layers
after it are built from the declaration and a later merge refuses; the declaration's return is the root
cause and the fix returns the shape ``call`` makes, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class TimeMean(layers.Layer):
    def call(self, seq):
        return ops.mean(seq, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[1])


seq = keras.Input(shape=(12, 5))
pooled = TimeMean()(seq)
side = layers.Dense(5)(layers.Flatten()(seq))
joined = layers.Add()([pooled, side])
net = keras.Model(seq, layers.Dense(1)(joined))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, 12, 5)), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_the_declaration_returns_what_call_makes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return (input_shape[0], input_shape[1])")
    first = finding["fixes"][0]
    assert first["code"] == "return (input_shape[0], input_shape[2])" and first["proven"]
