"""One-hot labels made by indexing ``np.eye(k)`` with a column of class ids (real Keras).

``np.eye(3)[ids]`` with ids of shape (n, 1) gives (n, 1, 3) labels that the categorical loss refuses against
a (None, 3) softmax. The indexing line is the root cause (not the later slice that splits the labels) and the
fix flattens the ids, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

features = np.random.default_rng(0).normal(size=(30, 5)).astype("float32")
ids = (np.arange(30) % 3).reshape(-1, 1)
onehot = np.eye(3)[ids]
train_x, train_y = features[:24], onehot[:24]
model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train_x, train_y, epochs=1, verbose=0)
'''


def test_the_ids_are_flattened_before_indexing(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "onehot = np.eye(3)[ids]")
    first = finding["fixes"][0]
    assert first["code"] == "onehot = np.eye(3)[ids.ravel()]" and first["proven"], first
