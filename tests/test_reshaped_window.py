"""A new window reshaped to other sizes than the model takes, same values per sample (real Keras).

MachineLearningMastery's multiple-input-series forecaster (r1070) trains on ``(samples, n_steps, n_features)``
and reshapes the new window the univariate way, ``x_input.reshape((1, n_steps * n_features, 1))``. The
reshape line is the root cause; the fix rewrites its sizes as the declared ones, spelled with the script's
names. A sample whose sizes are a permutation of the declared ones is transposed, not reshaped: no reshape.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

n_steps, n_features = 4, 2
windows = np.random.default_rng(0).random((40, n_steps, n_features)).astype("float32")
targets = windows.sum(axis=(1, 2))
model = keras.Sequential([keras.Input(shape=(n_steps, n_features)), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, targets, epochs=1, verbose=0)
window = np.arange(8, dtype="float32").reshape((n_steps, n_features)) / 10
window = window.reshape((1, n_steps * n_features, 1))
print(model.predict(window, verbose=0))
'''


def test_the_reshape_line_gets_the_declared_sizes_in_the_scripts_names(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "window = window.reshape((1, n_steps * n_features, 1))")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "window = window.reshape((1, n_steps, n_features))" and first["line"] == line
    assert first["verified"]


def test_a_sample_with_the_declared_sizes_in_another_order_is_not_reshaped(tmp_path):
    script = SCRIPT.replace("window.reshape((1, n_steps * n_features, 1))", "window.T[None]")
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("reshape" in f["code"] for f in report["findings"][0]["fixes"]), report["findings"][0]["fixes"]
