"""Inputs passed to a two-input model in the other order, in a tuple (real Keras).

Hands-on ML (chapter 10, 2nd edition) trains its wide & deep model on ``(X_train_A, X_train_B)`` and evaluates
it on ``(X_test_A, X_test_B)``; swapped in the evaluate call (r1110), the wide input gets the deep columns.
The root cause is that call, not the line that split the test set, and the reordered tuple is written there
as a tuple, the way the script writes it.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

X = np.random.default_rng(0).normal(size=(120, 8)).astype("float32")
y = X[:, :1] * 2
wide = keras.Input(shape=[5])
deep = keras.Input(shape=[6])
hidden = layers.Dense(8, activation="relu")(deep)
model = keras.Model([wide, deep], layers.Dense(1)(layers.concatenate([wide, hidden])))
model.compile(loss="mse", optimizer="sgd")
X_A, X_B = X[:, :5], X[:, 2:]
model.fit((X_A, X_B), y, epochs=1, verbose=0)
print(model.evaluate((X_B, X_A), y, verbose=0))
'''


def test_the_call_is_the_root_cause_and_the_tuple_is_reordered_as_a_tuple(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "print(model.evaluate((X_B, X_A), y, verbose=0))")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "print(model.evaluate((X_A, X_B), y, verbose=0))" and first["verified"]
