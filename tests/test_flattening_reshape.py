"""A flattening Reshape sized for part of each sample (real Keras).

``Reshape((H * W,))`` written for grayscale digits, kept for colour photos: each sample holds
``H * W * 3`` values. The fix flattens every value it receives, ``Reshape((-1,))``, verified by replay.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

H, W = 10, 10
photo = keras.Input(shape=(H, W, 3))
x = layers.Reshape((H * W,))(photo)
out = layers.Dense(4, activation="softmax")(layers.Dense(16, activation="relu")(x))
net = keras.Model(photo, out)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(np.zeros((6, H, W, 3)), np.zeros((6,)), epochs=1, verbose=0)
'''


def test_the_reshape_flattens_every_value(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = layers.Reshape((H * W,))(photo)")
    first = finding["fixes"][0]
    assert first["code"] == "x = layers.Reshape((-1,))(photo)" and first["verified"]
