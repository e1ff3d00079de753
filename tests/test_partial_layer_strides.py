"""A residual unit whose main path is not strided, its layers made through ``functools.partial`` (real Keras).

Hands-On ML 3, chapter 14 (r515): ``DefaultConv2D = partial(keras.layers.Conv2D, ...)`` and a
``ResidualUnit(filters, strides)`` whose main convolution lacks ``strides=strides``. The fix is
written into the partial's call (codegen knows the alias) and spelled like the shortcut beside it,
``strides=strides``: a literal 2 would break the units that do not downsample, so only the
spelled fix is proven by the patched run.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''from functools import partial

import numpy as np
import keras

Conv = partial(keras.layers.Conv2D, kernel_size=3, padding="same", use_bias=False)


class Unit(keras.layers.Layer):
    def __init__(self, filters, strides=1, **kwargs):
        super().__init__(**kwargs)
        self.main = [Conv(filters), keras.layers.BatchNormalization()]
        self.skip = [Conv(filters, kernel_size=1, strides=strides)] if strides > 1 else []

    def call(self, inputs):
        z, s = inputs, inputs
        for layer in self.main:
            z = layer(z)
        for layer in self.skip:
            s = layer(s)
        return z + s


model = keras.Sequential([keras.Input((16, 16, 8)), Unit(8), Unit(16, strides=2), Unit(16),
                          keras.layers.GlobalAveragePooling2D()])
model.predict(np.zeros((2, 16, 16, 8)), verbose=0)
'''


def test_partial_conv_gets_the_shortcuts_strides(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    first = finding["fixes"][0]
    assert first["line"] == line_of(SCRIPT, "self.main = [Conv(filters)")
    assert first["proven"], first
    assert "Conv(filters, strides=strides)" in first["code"]
