"""A size fixed inside a layer class's ``__init__`` is spelled with its parameter, and written (real Keras).

The residual block's last convolution halves ``filters``; the fix gives it ``filters`` again, spelled as its
sibling convolution spells that size (not as the module's ``WIDTH``, which holds the same number), and the
change is written and proven: it means the same for every block made.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

WIDTH = 16


class Residual(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.inner = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.outer = layers.Conv2D(filters // 2, 1)

    def call(self, x):
        return layers.add([x, self.outer(self.inner(x))])


pixels = keras.Input(shape=(8, 8, 1))
h = layers.Conv2D(WIDTH, 3, padding="same")(pixels)
h = Residual(WIDTH)(h)
model = keras.Model(pixels, layers.Conv2D(1, 1)(h))
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 8, 8, 1)), np.zeros((4, 8, 8, 1)), epochs=1, verbose=0)
'''


def test_the_block_parameter_spells_the_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == "self.outer = layers.Conv2D(filters, 1)" and first["proven"], first
