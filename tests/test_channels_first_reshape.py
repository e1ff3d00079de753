"""A Reshape that writes the channel axis first, (1, h, w), before a channels-last convolution (real Keras).

The window slides over the single "row" and no longer fits. The Reshape is the root cause; the fix moves
its 1 last, verified by replaying the model in Keras (padding="same" would hide the slip).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

STEPS, SENSORS = 8, 5
window = keras.Input(shape=(STEPS, SENSORS))
x = layers.Reshape((1, STEPS, SENSORS))(window)
x = layers.Conv2D(8, (3, 2), activation="relu")(x)
out = layers.Dense(1)(layers.Flatten()(x))
net = keras.Model(window, out)
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, STEPS, SENSORS)), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_the_reshape_puts_the_channel_last(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD105"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = layers.Reshape((1, STEPS, SENSORS))(window)")
    assert [f["code"] for f in finding["fixes"]] == ["x = layers.Reshape((STEPS, SENSORS, 1))(window)"]
    assert finding["fixes"][0]["verified"]
