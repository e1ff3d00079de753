"""An input declared from the width of another array than the one trained on (real Keras).

Zero to Mastery's insurance regressor (r1132): ``keras.Input(shape=(X_train.shape[1],))`` of the 6 raw columns,
fit on ``X_train_normal``, 11 columns after one-hot encoding. The declaration is the root cause and reading the
trained array's shape the fix, proven by running the patched script; declaring from the right array is valid.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
X_train = rng.integers(0, 3, size=(64, 4)).astype("float32")
X_train_encoded = np.concatenate([X_train, np.eye(3)[X_train[:, 0].astype(int)]], axis=1)
y_train = rng.normal(size=(64,)).astype("float32")

model = keras.Sequential([keras.Input(shape=(X_train.shape[1],)), layers.Dense(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mae")
model.fit(X_train_encoded, y_train, epochs=1, verbose=0)
'''


def test_the_declaration_reads_the_trained_array(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "model = keras.Sequential([keras.Input(shape=(X_train.shape[1],))")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert "keras.Input(shape=(X_train_encoded.shape[1],))" in first["code"] and first["verified"]


def test_declared_from_the_trained_array_is_valid(tmp_path):
    valid = SCRIPT.replace("keras.Input(shape=(X_train.shape[1],))", "keras.Input(shape=(X_train_encoded.shape[1],))")
    report, _, proc = run_json(run_cli, tmp_path, valid)
    assert proc.returncode == 0 and not report["findings"], proc.stderr
