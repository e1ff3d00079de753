"""Per-step targets for a model whose strided Conv1D keeps one step in two (real Keras).

Hands-on ML (chapter 15, 2nd edition) puts ``Conv1D(filters=20, kernel_size=4, strides=2, padding="valid")``
before two GRUs and trains on ``Y_train[:, 3::2]``; kept as ``Y_train`` (r1104), 50 target steps meet 24 output
steps. The fix downsamples the targets as the convolution does, the validation targets alike, proven by running
the patched script even though the model cannot be cloned (a custom metric).
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

series = np.random.default_rng(0).normal(size=(60, 30, 1)).astype("float32")
Y = np.repeat(series, 3, axis=-1)
X_train, Y_train, X_valid, Y_valid = series[:40], Y[:40], series[40:], Y[40:]


def last_step_mse(Y_true, Y_pred):
    return keras.metrics.mean_squared_error(Y_true[:, -1], Y_pred[:, -1])


model = keras.Sequential([
    keras.Input(shape=[None, 1]),
    layers.Conv1D(filters=8, kernel_size=4, strides=2, padding="valid"),
    layers.GRU(8, return_sequences=True),
    layers.Dense(3),
])
model.compile(loss="mse", optimizer="adam", metrics=[last_step_mse])
model.fit(X_train, Y_train, epochs=1, verbose=0, validation_data=(X_valid, Y_valid))
'''


def test_the_targets_and_the_validation_targets_are_downsampled_like_the_convolution(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    first = finding["fixes"][0]
    assert first["code"] == "Y_train = Y_train[:, 3::2]\nY_valid = Y_valid[:, 3::2]", first["code"]
    assert first["verified"], first
