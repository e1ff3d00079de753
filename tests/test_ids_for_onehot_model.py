"""New class ids given to a model trained on one-hot rows (real Keras).

Hands-on ML (chapter 16, 2nd edition) trains its char-RNN on ``keras.ops.one_hot(windows, max_id)`` and
predicts on ``preprocess(texts)``; without the one-hot step in ``preprocess`` (r1105) the ids (1, 10) meet an
input of (None, None, 27). The fix encodes the ids the way the script encoded its training data, in the
helper's ``return``. Ids that reach the number of classes are not read as ids.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

max_id = 7
ids = np.random.default_rng(0).integers(0, max_id, size=(40, 9))
X_train = keras.ops.one_hot(ids[:, :-1], max_id)
model = keras.Sequential([keras.Input(shape=[None, max_id]), layers.GRU(8, return_sequences=True),
                          layers.Dense(max_id, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X_train, ids[:, 1:], epochs=1, verbose=0)


def preprocess(rows):
    X = np.array(rows)
    return X


X_new = preprocess([[1, 2, 3, 4]])
print(model.predict(X_new, verbose=0).argmax(axis=-1))
'''


def test_new_ids_are_one_hot_encoded_where_the_helper_returns_them(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "    return X")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "return keras.ops.one_hot(X, max_id)" and first["verified"], first


def test_values_beyond_the_classes_are_not_read_as_ids(tmp_path):
    script = SCRIPT.replace("[[1, 2, 3, 4]]", "[[1, 2, 3, 40]]")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("one_hot" in f["code"] for f in report["findings"][0]["fixes"])
