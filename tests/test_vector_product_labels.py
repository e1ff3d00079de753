"""Regression targets from a flat weight vector plus a noise column, broadcast to (n, n) (real Keras).

Dive into Deep Learning's synthetic data (r1142): ``y = X @ w + b + noise`` with ``w`` of shape (2,) and noise of
shape (n, 1) gives (n, n) targets; mse broadcasts them against the (None, 1) output and trains on nonsense without
an error. The line that made the targets is the root cause and ``w.reshape(-1, 1)`` the fix, proven by running
the patched script; with a column ``w`` the program is valid.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

w = np.array([1.5, -2.0], dtype="float32")
rng = np.random.default_rng(0)
X = rng.normal(size=(300, 2)).astype("float32")
noise = rng.normal(size=(300, 1)).astype("float32") * 0.01
y = X @ w + 0.5 + noise
X_train, y_train = X[:250], y[:250]
model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(X_train, y_train, epochs=1, verbose=0)
'''


def test_the_targets_line_keeps_the_weights_a_column(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["family"] == "loss-broadcast", proc.stderr
    line = line_of(SCRIPT, "y = X @ w + 0.5 + noise")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "y = X @ w.reshape(-1, 1) + 0.5 + noise" and first["verified"]


def test_a_column_of_weights_is_valid(tmp_path):
    valid = SCRIPT.replace('w = np.array([1.5, -2.0], dtype="float32")', 'w = np.array([[1.5], [-2.0]], dtype="float32")')
    report, _, proc = run_json(run_cli, tmp_path, valid)
    assert proc.returncode == 0 and not report["findings"], proc.stderr
