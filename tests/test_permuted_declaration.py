"""An ``Input`` declared in another axis order than the shape the script names for that data (real Keras).

The script names its frames' shape ``FRAME = (3, 8, 8)`` (channels first) and makes the data and a layer's
weight with it, but declares the model's input ``(8, 8, 3)``. The layer refuses the input; the declaration
is the root cause and the fix declares it with ``FRAME``, proven by running the patched script; no size is
changed to make the numbers fit.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

FRAME = (3, 8, 8)


class ChannelMix(layers.Layer):
    def build(self, shape):
        self.w = self.add_weight(shape=(FRAME[0], FRAME[0]))

    def call(self, x):
        return ops.einsum("bchw,cd->bdhw", x, self.w)


seen = keras.Input(shape=(8, 8, 3))
net = keras.Model(seen, layers.Dense(1)(layers.Flatten()(ChannelMix()(seen))))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4,) + FRAME), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_the_input_is_declared_with_the_named_shape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "seen = keras.Input(shape=(8, 8, 3))")
    assert [f["code"] for f in finding["fixes"]] == ["seen = keras.Input(shape=FRAME)"]
    assert finding["fixes"][0]["proven"]
