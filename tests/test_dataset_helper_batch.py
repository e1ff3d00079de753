"""A ``tf.data`` pipeline made by a helper of the user's own that never batches (real Keras).

Hands-On ML chapter 13 builds its datasets with ``housing_dataset(X, y, ..., batch_size=32)``;
left without its ``.batch(batch_size)``, ``fit`` reads each single (8,) row as a batch. The root
cause is the helper's ``return``, not the line that calls it, and batching there, before the steps
that keep elements as they are (``.prefetch(1)``), with the helper's own ``batch_size``, fixes the
training and the validation set at once (r434).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

X_train = np.random.rand(64, 8).astype("float32")
y_train = X_train.sum(axis=1, keepdims=True)
X_valid = np.random.rand(16, 8).astype("float32")
y_valid = X_valid.sum(axis=1, keepdims=True)


def make_dataset(X, y, seed=42, batch_size=16):
    dataset = tf.data.Dataset.from_tensor_slices((X, y))
    return dataset.shuffle(100, seed=seed).prefetch(1)


train_set = make_dataset(X_train, y_train)
valid_set = make_dataset(X_valid, y_valid)
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(1)])
model.compile(loss="mse", optimizer="sgd")
model.fit(train_set, validation_data=valid_set, epochs=1, verbose=0)
'''


def test_the_helpers_return_is_the_root_cause_and_batches_with_its_own_batch_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return dataset.shuffle(100")
    first = finding["fixes"][0]
    assert first["code"] == "return dataset.shuffle(100, seed=seed).batch(batch_size).prefetch(1)"
    assert first["verified"]
    written = written_and_run(run_cli, tmp_path)
    assert "return dataset.shuffle(100, seed=seed).batch(batch_size).prefetch(1)" in written
    assert "train_set.batch" not in written
