"""One path of several, joined by a Concatenate, shrank its map alone (real Keras).

Dive into Deep Learning's GoogLeNet (r1141): an Inception block's fourth path pools with ``MaxPool2D(3, 1)``
and no ``padding="same"``, so it gives 6x6 maps beside three 8x8 ones. The pooling is the root cause (not the
second path, as the first two inputs once decided) and ``padding="same"`` the fix, written on the ``MaxPool2D``
line (the short alias of MaxPooling2D, which the writer now finds) and proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(8, 8, 4))
p1 = layers.Conv2D(4, 1)(inputs)
p2 = layers.Conv2D(6, 3, padding="same")(inputs)
p3 = layers.Conv2D(2, 5, padding="same")(inputs)
p4 = layers.Conv2D(2, 1)(layers.MaxPool2D(3, 1)(inputs))
x = layers.Concatenate()([p1, p2, p3, p4])
model = keras.Model(inputs, layers.Dense(2)(layers.GlobalAveragePooling2D()(x)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 8, 8, 4), np.random.rand(8, 2), epochs=1, verbose=0)
'''


def test_the_pooling_that_shrank_one_path_gets_same_padding(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "p4 = layers.Conv2D(2, 1)(layers.MaxPool2D(3, 1)(inputs))")
    assert finding["culprit"]["line"] == line and finding["culprit"]["class"] == "MaxPooling2D"
    first = finding["fixes"][0]
    assert first["code"] == 'p4 = layers.Conv2D(2, 1)(layers.MaxPool2D(3, 1, padding="same")(inputs))'
    assert first["verified"]
