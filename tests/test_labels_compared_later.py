"""A label re-encoding goes into the training call when the script compares those labels later (real Keras).

The keras-io training guide (r487): a hand-written MSE needs one-hot labels, and the guide encodes
them under a new name for ``fit`` only, since the script later computes its accuracy with
``probs.argmax(axis=1) == y_train``. Rebinding ``y_train`` before ``fit`` would break that line, so
the fix wraps the argument of the call instead, and the patched script runs.
"""

from __future__ import annotations

from conftest import run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(0)
x_train = rng.random((90, 6)).astype("float32")
y_train = rng.integers(0, 3, size=(90,))


def squared_error(y_true, y_pred):
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


model = keras.Sequential([keras.Input((6,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss=squared_error)
model.fit(x_train, y_train, epochs=1, verbose=0)
print("accuracy", float(np.mean(model.predict(x_train, verbose=0).argmax(axis=1) == y_train)))
'''


def test_labels_compared_after_fit_are_encoded_in_the_call(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    fix = report["findings"][0]["fixes"][0]
    assert fix["code"] == "model.fit(x_train, keras.utils.to_categorical(y_train, 3), epochs=1, verbose=0)"
    written = written_and_run(run_cli, tmp_path)
    assert "y_train = keras.utils" not in written
