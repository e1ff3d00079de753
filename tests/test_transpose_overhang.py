"""A strided transposed convolution left at padding="valid" in a decoder trained on input-sized labels (real Keras).

Deep Learning with Python (chapter 9) builds every decoder layer with padding="same", so each strided
``Conv2DTranspose`` doubles the map exactly; with the default "valid" one it makes s*n + (k - s) and the
output no longer fits the masks (r461). That layer is the root cause and gets padding="same"; making the
size-keeping head shrink instead is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

signals = np.random.rand(24, 32, 2).astype("float32")
masks = (signals[..., :1] > 0.5).astype("float32")
inputs = keras.Input(shape=(32, 2))
h = layers.Conv1D(8, 3, strides=2, padding="same", activation="relu")(inputs)
h = layers.Conv1DTranspose(8, 5, strides=2, activation="relu")(h)
outputs = layers.Conv1D(1, 3, padding="same", activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(signals, masks, epochs=1, batch_size=8, verbose=0)
'''


def test_the_transposed_convolution_that_overhangs_is_fixed_not_the_head(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Conv1DTranspose(")
    first = finding["fixes"][0]
    assert first["verified"] and 'Conv1DTranspose(8, 5, strides=2, activation="relu", padding="same")' in first["code"]
    assert not any('padding="valid"' in f["code"] for f in finding["fixes"])
    assert 'strides=2, activation="relu", padding="same")(h)' in written_and_run(run_cli, tmp_path)
