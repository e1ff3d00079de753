"""Class labels on a scale (-6 .. +6 for 13 units) split into train and test (real Keras).

A thread on a book's example (tplusone/hanser_ml_zeitreihen#3): a sparse categorical loss reads each
label as the index of an output unit, and the reporter's classes ran from -6 to +6. The fix is a
shift by +6, which maps every split alike; numbering the codes of one split with ``np.unique`` would
number another split differently when it lacks a class. The labels passed to ``fit`` are a split
(``X_train, y_train = X[:n], y[:n]``), so the shift is written where ``y`` is made, which is the
root cause, and the ``evaluate`` on the other split runs too (r520).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(5)
X = rng.normal(size=(400, 6)).astype("float32")
y = np.clip(np.round(X[:, 0] * 3), -4, 4).astype("int64")
X_train, y_train = X[:300], y[:300]
X_test, y_test = X[300:], y[300:]

model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(16, activation="relu"),
                          layers.Dense(9, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X_train, y_train, epochs=1, verbose=0)
print(model.evaluate(X_test, y_test, verbose=0))
'''


def test_a_scale_of_codes_is_shifted_where_the_labels_are_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y = np.clip(")
    first = finding["fixes"][0]
    assert first["code"] == 'y = np.clip(np.round(X[:, 0] * 3), -4, 4).astype("int64") + 4' and first["verified"]
    assert not any("np.unique" in f["code"] for f in finding["fixes"][:1])
    assert '.astype("int64") + 4\n' in written_and_run(run_cli, tmp_path)
