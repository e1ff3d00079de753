"""A stride computed by floor division from two sizes that 'same' padding rounded up (real Keras).

A 3-D ResNet's shortcut (r650) takes ``stride = a.shape[1] // b.shape[1]``: 7 // 4 is 1 where the
branch halved 7 to 4. The stride's line is the root cause; the fix rounds the ratio, proven by running
the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def joined(inp, branch):
    step = inp.shape[1] // branch.shape[1]
    side = layers.Conv2D(branch.shape[-1], 1, strides=step)(inp)
    return layers.add([side, branch])


pic = keras.Input((10, 10, 2))
h = layers.Conv2D(4, 3, strides=2, padding="same")(pic)
y = layers.Conv2D(8, 3, strides=2, padding="same")(h)
h = joined(h, y)
net = keras.Model(pic, layers.Dense(1)(layers.Flatten()(h)))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, 10, 10, 2)), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_a_floored_stride_ratio_is_rounded_where_it_is_computed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "step = inp.shape[1] // branch.shape[1]")
    first = finding["fixes"][0]
    assert first["code"] == "step = round(inp.shape[1] / branch.shape[1])" and first["proven"]
