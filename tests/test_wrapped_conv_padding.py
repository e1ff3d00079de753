"""A user layer that passes a convolution's arguments on, left at Keras's default padding (real Keras).

``Wrapped(filters=..., kernel_size=5)`` builds ``Conv2D(**kwargs)``: without ``padding`` the convolution is
'valid' and the autoencoder's output is 4 pixels smaller than its inputs. The user layer's config holds
``kernel_size`` and ``strides`` as plain ints; the layer is the root cause and ``padding="same"`` on the
line that makes it is verified.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Wrapped(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__()
        self.conv = layers.Conv2D(**kwargs)

    def call(self, x):
        return self.conv(x)


pics = np.random.default_rng(6).random((8, 16, 16, 1)).astype("float32")
inp = keras.Input((16, 16, 1))
h = Wrapped(filters=4, kernel_size=5, strides=1, activation="relu")(inp)
out = Wrapped(filters=1, kernel_size=1, strides=1, activation="sigmoid")(h)
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(pics, pics, epochs=1, verbose=0)
'''


def test_the_wrapped_convolution_keeps_the_map(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "h = Wrapped(filters=4, kernel_size=5")
    first = finding["fixes"][0]
    assert first["code"] == ('h = Wrapped(filters=4, kernel_size=5, strides=1, activation="relu", '
                             'padding="same")(inp)') and first["verified"]
