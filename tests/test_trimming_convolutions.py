"""Several valid convolutions that each trim a little and together the whole difference (real Keras).

Three unpadded 5x5 convolutions make 20x20 masks of 32x32 tiles (32 - 3 * 4); no one of them accounts for the
12 pixels, all three together do. The fix gives each ``padding="same"`` and is verified: the output becomes
the labels' (None, 32, 32, 1).
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

net = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(4, (5, 5), activation="relu"),
    layers.Conv2D(4, (5, 5), activation="relu"),
    layers.Conv2D(1, (5, 5), activation="sigmoid"),
])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(np.zeros((4, 32, 32, 3)), np.zeros((4, 32, 32, 1)), epochs=1, verbose=0)
'''


def test_every_trimming_convolution_keeps_the_map(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"].count('padding="same"') == 3, first
    assert first["code"].splitlines()[0] == 'layers.Conv2D(4, (5, 5), activation="relu", padding="same"),', first
