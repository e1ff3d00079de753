"""Images the script flattened for a dense model, given to a convolutional one (real Keras).

A course's MNIST lab moving to a CNN keeps ``X_train = X_train.reshape(num_train, img_rows * img_cols)``
(r1015): the CNN declares ``(img_rows, img_cols, 1)`` and refuses ``(None, 784)``. The flattening line is
the culprit; the fix writes the image axes there, with the user's factors, and on the test twin too, so
``evaluate`` after ``fit`` gets them as well; proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

side = 12
rng = np.random.default_rng(6)
train_x, test_x = rng.random((48, side, side)), rng.random((16, side, side))
train_y, test_y = rng.integers(0, 3, 48), rng.integers(0, 3, 16)
train_x = train_x.reshape(len(train_x), side * side)
test_x = test_x.reshape(len(test_x), side * side)

model = keras.Sequential([keras.Input(shape=(side, side, 1)), layers.Conv2D(4, 3, activation="relu"),
                          layers.Flatten(), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_x, train_y, epochs=1, verbose=0)
print(model.evaluate(test_x, test_y, verbose=0))
'''


def test_the_flattening_lines_keep_the_image_axes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "train_x = train_x.reshape(")
    first = finding["fixes"][0]
    assert first["code"] == ("train_x = train_x.reshape(len(train_x), side, side, 1)\n"
                             "test_x = test_x.reshape(len(test_x), side, side, 1)")
    assert first["verified"] and first["proof"] == "passed"
    written = written_and_run(run_cli, tmp_path)
    assert "test_x = test_x.reshape(len(test_x), side, side, 1)" in written
