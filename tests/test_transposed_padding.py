"""A decoder whose stride-2 transposed convolutions keep the default ``padding="valid"``: each adds
``kernel - stride`` positions, so 28x28 images come back 31x31 (3x3 kernels) or 37x37 (5x5), and the loss
refuses them (TensorFlow's data-compression tutorial with its padding left out, r955). The culprit is the
first of those layers, the fix ``padding="same"`` on each, proven by running the patched script; in a
functional model and in a subclassed one whose loss error Keras raises outside any recorded layer.
Real Keras."""

from __future__ import annotations

import pytest
from conftest import line_of, run_json, written_and_run

FUNCTIONAL = """\
import numpy as np
import keras
from keras import layers

x = np.random.default_rng(0).random((64, 28, 28, 1)).astype("float32")
inputs = keras.Input(shape=(28, 28, 1))
h = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
h = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(h)
h = layers.Conv2DTranspose(16, 3, strides=2, activation="relu")(h)
outputs = layers.Conv2DTranspose(1, 3, strides=2, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x, x, epochs=1, verbose=0)
"""

SUBCLASSED = """\
import numpy as np
import keras
from keras import layers

digits = np.random.default_rng(1).random((64, 28, 28, 1)).astype("float32")


class Codec(keras.Model):
    def __init__(self):
        super().__init__()
        self.encode = keras.Sequential([
            layers.Conv2D(8, 5, strides=2, padding="same", activation="relu"),
            layers.Conv2D(16, 5, strides=2, padding="same", activation="relu"),
        ])
        self.decode = keras.Sequential([
            layers.Conv2DTranspose(8, 5, strides=2,
                                   activation="relu"),
            layers.Conv2DTranspose(1, 5, strides=2, activation="sigmoid"),
        ])

    def call(self, x):
        return self.decode(self.encode(x))


codec = Codec()
codec.compile(optimizer="adam", loss="mae")
codec.fit(digits, digits, batch_size=32, epochs=1, verbose=0)
"""


@pytest.mark.parametrize("script, first", [(FUNCTIONAL, "layers.Conv2DTranspose(16, 3"),
                                           (SUBCLASSED, "layers.Conv2DTranspose(8, 5")],
                         ids=["functional", "subclassed"])
def test_unpadded_transposed_convolutions_get_same_padding(cli, tmp_path, script, first):
    report, _, proc = run_json(cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, first)
    fix = finding["fixes"][0]
    assert fix["proven"], fix
    written = (tmp_path / "script.py").read_text()
    assert written == script  # --json alone writes nothing
    assert fix["code"].count('padding="same"') >= 1, fix
    written = written_and_run(cli, tmp_path)  # both layers written, the script then trains under python
    assert written.count('padding="same"') == script.count('padding="same"') + 2
