"""A data fix for a tf.data dataset is written as a ``.map`` over its batches (real Keras; r734).

NumPy calls on a dataset object cannot run: ``train_ds = np.transpose(train_ds, (0, 2, 1))`` was shown
verified (the clone was checked on the batch's arrays) and failed when written. The transform becomes
``train_ds.map(lambda x, y: (keras.ops.transpose(x, (0, 2, 1)), y))``; transforms that move or add a
batch's first axis (its samples) are not offered for a dataset.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(5)
signals = rng.normal(size=(48, 6, 10)).astype("float32")
kinds = rng.integers(0, 3, size=48)
train_ds = tf.data.Dataset.from_tensor_slices((signals, kinds)).batch(8)
model = keras.Sequential([keras.Input(shape=(10, 6)), keras.layers.LSTM(8), keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=1, verbose=0)
print("done")
'''


def test_the_transpose_is_mapped_over_the_batches(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    codes = [fix["code"] for fix in finding["fixes"]]
    assert "train_ds = train_ds.map(lambda x, y: (keras.ops.transpose(x, (0, 2, 1)), y))" in codes
    assert not any("np." in code and "train_ds" in code for code in codes)
    assert not any("moveaxis(x, 0" in code for code in codes)
