"""A residual branch whose second 'valid' convolution lost the padding its first one has (real Keras).

CycleGAN's residual blocks (r652) pad before each 'valid' 3x3 convolution so the branch keeps its
size. With the second padding left out, the ``add`` with the block's input fails two pixels apart.
The blamed convolution stays the root cause; the first fix writes the sibling's padding again before
it, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers


def block(t):
    width = t.shape[-1]
    b = layers.ZeroPadding2D(1)(t)
    b = layers.Conv2D(width, 3, activation="relu")(b)
    b = layers.Conv2D(width, 3)(b)
    return layers.add([t, b])


pics = keras.Input((12, 12, 4))
h = block(layers.Conv2D(6, 1)(pics))
net = keras.Model(pics, layers.Dense(2)(layers.GlobalAveragePooling2D()(h)))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, 12, 12, 4)), np.zeros((4, 2)), epochs=1, verbose=0)
'''


def test_the_second_convolution_gets_the_padding_the_first_one_has(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "b = layers.Conv2D(width, 3)(b)")
    first = finding["fixes"][0]
    assert first["code"] == "b = layers.ZeroPadding2D(1)(b)" and first["proven"]
    assert "    b = layers.ZeroPadding2D(1)(b)\n    b = layers.Conv2D(width, 3)(b)" in written_and_run(run_cli, tmp_path)
