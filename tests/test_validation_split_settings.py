"""Validation data made by the same helper as the training data, with the test split's own class list
(``encode(test_docs, test_classes)``; the test folder lacks one class, so its one-hot labels have 5 columns
where the model has 6: ktrain#24, r962): the validation line is the culprit, and the fix passes the training's
setting, ``encode(test_docs, train_classes)``, proven by running the patched script. Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras

rng = np.random.default_rng(0)
train_rows = {name: rng.random((12, 5)) for name in ["a", "b", "c", "d"]}
test_rows = {name: rng.random((4, 5)) for name in ["a", "b", "c"]}
train_names, test_names = sorted(train_rows), sorted(test_rows)


def encode(rows, names):
    x = np.concatenate([rows[n] for n in names if n in rows]).astype("float32")
    ids = np.concatenate([[i] * len(rows[n]) for i, n in enumerate(names) if n in rows])
    return x, keras.utils.to_categorical(ids, num_classes=len(names))


x_tr, y_tr = encode(train_rows, train_names)
x_te, y_te = encode(test_rows, test_names)
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(y_tr.shape[1], activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_tr, y_tr, validation_data=(x_te, y_te), epochs=1, batch_size=8, verbose=0)
"""


def test_the_validation_split_takes_the_training_class_list(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x_te, y_te = ")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "x_te, y_te = encode(test_rows, train_names)", first
