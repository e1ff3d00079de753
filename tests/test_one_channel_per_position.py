"""Per-pixel labels without a channel axis against a many-channel output (real Keras).

keras-team/keras #2526 (r623): binary masks of (n, 60, 80) against a last convolution of 32 filters,
(None, 60, 80, 32), under binary cross-entropy. The positions agree and nothing is to be pooled: the
layer that set the 32 channels should set one. The pooling and flattening fixes of an output with
extra axes would throw the positions away and are not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

frames = np.random.rand(10, 24, 20, 2).astype("float32")
target = np.random.rand(10, 24, 20).astype("float32")
net = keras.Sequential([
    keras.Input((24, 20, 2)),
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.Conv2D(16, 3, padding="same"),
    layers.Activation("linear"),
])
net.compile(optimizer="adam", loss="mse")
net.fit(frames, target, epochs=1, verbose=0)
'''


def test_the_layer_that_set_the_channels_gets_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Conv2D(16, 3")
    assert [f["code"] for f in finding["fixes"]] == ['layers.Conv2D(1, 3, padding="same"),']
    assert finding["fixes"][0]["verified"]
