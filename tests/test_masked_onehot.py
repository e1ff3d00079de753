"""Labels selected with a mask made from a one-hot matrix (real Keras).

A transfer-learning notebook keeps the images of digits 0 and 1 with ``x[y <= 1]`` while ``y`` holds
class ids, then one-hot encodes ``y`` in place, and only then selects the labels the same way:
``to_categorical(y[y <= 1], 2)`` now compares every cell of the one-hot matrix and returns all of
them flat, ten "labels" per image. The issue thread names that line; the fix selects with the class ids
the rows encode, on the test split's twin line too (r549).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(0)
x_train, y_train = rng.random((120, 20)).astype("float32"), rng.integers(0, 4, size=120)
x_test, y_test = rng.random((40, 20)).astype("float32"), rng.integers(0, 4, size=40)
x_train_ab = x_train[y_train <= 1]
x_test_ab = x_test[y_test <= 1]
y_train = to_categorical(y_train, 4)
y_test = to_categorical(y_test, 4)
y_train_ab = to_categorical(y_train[y_train <= 1], 2)
y_test_ab = to_categorical(y_test[y_test <= 1], 2)

model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(2, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x_train_ab, y_train_ab, epochs=1, verbose=0)
print(model.evaluate(x_test_ab, y_test_ab, verbose=0))
'''


def test_the_mask_line_selects_with_class_ids(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y_train_ab = to_categorical(")
    first = finding["fixes"][0]
    assert first["code"] == "y_train_ab = to_categorical(y_train.argmax(axis=1)[y_train.argmax(axis=1) <= 1], 2)"
    written = written_and_run(run_cli, tmp_path)
    assert "y_test_ab = to_categorical(y_test.argmax(axis=1)[y_test.argmax(axis=1) <= 1], 2)" in written
