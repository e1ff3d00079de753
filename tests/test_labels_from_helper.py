"""Labels made inside the script's own function and unpacked from what it returns (real Keras).

Hands-on ML (chapter 11, 2nd edition) splits Fashion-MNIST with ``split_dataset``, which returns
``((X[~y_5_or_6], y_A), (X[y_5_or_6], y_B))``; task A's labels keep the codes 7 to 9 for an 8-unit softmax when
the line that shifts them is left out (r1109). The root cause is the line in the function that made ``y_A``,
not the line that unpacked the result.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

X = np.random.default_rng(0).random((200, 12)).astype("float32")
y = np.random.default_rng(1).integers(0, 10, size=200)


def split_dataset(X, y):
    odd = (y == 5) | (y == 6)
    y_A = y[~odd]
    y_B = (y[odd] == 6).astype("float32")
    return ((X[~odd], y_A), (X[odd], y_B))


(X_A, y_train_A), (X_B, y_train_B) = split_dataset(X, y)
model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(8, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
model.fit(X_A, y_train_A, epochs=1, verbose=0)
'''


def test_the_labels_line_inside_the_helper_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "    y_A = y[~odd]")
