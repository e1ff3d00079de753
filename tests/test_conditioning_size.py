"""A conditioning map used at its own size inside a layer working at another scale (real Keras).

A FiLM-style layer takes feature maps and a conditioning map, convolves the conditioning map and
multiplies the features by the result. The conditioning map is 16x16, the features 8x8: the product is
refused inside the layer. Its first use of the conditioning map is the root cause; the fix resizes it to
the features' size, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Modulate(layers.Layer):
    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.to_scale = layers.Conv2D(channels, 1)

    def call(self, feats, cond):
        scale = self.to_scale(cond)
        return feats * scale


maps = keras.Input((8, 8, 4))
side = keras.Input((16, 16, 2))
mixed = Modulate(4)(maps, side)
net = keras.Model([maps, side], layers.Dense(1)(layers.GlobalAveragePooling2D()(mixed)))
net.compile(optimizer="adam", loss="mse")
net.fit([np.zeros((4, 8, 8, 4)), np.zeros((4, 16, 16, 2))], np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_the_conditioning_map_is_resized_where_it_is_first_used(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "scale = self.to_scale(cond)")
    first = finding["fixes"][0]
    assert first["code"] == ("scale = self.to_scale(keras.ops.image.resize(cond, keras.ops.shape(feats)[1:3]))"
                             ) and first["proven"]
