"""An Input declared channels-first for channels-last data the script already holds (real Keras).

``Input(shape=(3, 32, 32))`` with a residual add fails while the model is built; the images passed to ``fit``
further down are (n, 32, 32, 3). The Input is the root cause and the fix reorders its own numbers to the
data's axis order, ``(32, 32, 3)``, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

photos = np.zeros((8, 32, 32, 3), "float32")
kinds = np.zeros((8,), "int64")
x = keras.Input(shape=(3, 32, 32))
y = layers.Conv2D(3, 3, padding="same")(x)
z = layers.add([x, y])
out = layers.Dense(2)(layers.GlobalAveragePooling2D()(z))
net = keras.Model(x, out)
net.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(photos, kinds, epochs=1, verbose=0)
'''


def test_the_declared_axes_follow_the_data(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = keras.Input(shape=(3, 32, 32))")
    first = finding["fixes"][0]
    assert first["code"] == "x = keras.Input(shape=(32, 32, 3))" and first["proven"], first
