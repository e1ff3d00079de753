"""A tf.data dataset passed to ``fit`` without being batched, to a model with no declared input (real Keras).

The TensorFlow course's subword-reviews exercise fits a dataset of single variable-length reviews:
Keras takes each element as one batch, the Embedding turns one review into a (tokens, 64) "batch",
and ``GlobalAveragePooling1D`` fails on 2 axes. The thread's fix batches the datasets with
``padded_batch`` (r552); a Reshape before the pooling would be accepted by Keras and wrong.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

RAGGED = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)


def reviews(n):
    texts = [rng.integers(1, 200, size=k).astype("int64") for k in rng.integers(3, 30, size=n)]
    labels = rng.integers(0, 2, size=n).astype("int64")
    return tf.data.Dataset.from_generator(lambda: zip(texts, labels), output_signature=(
        tf.TensorSpec(shape=(None,), dtype=tf.int64), tf.TensorSpec(shape=(), dtype=tf.int64)))


train_ds = reviews(96)
val_ds = reviews(32)
model = keras.Sequential([layers.Embedding(200, 16), layers.GlobalAveragePooling1D(),
                          layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(train_ds, validation_data=val_ds, epochs=1, verbose=0)
'''

FIXED = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(1)
tokens = rng.integers(1, 100, size=(64, 12))
labels = rng.integers(0, 2, size=64)
train_ds = tf.data.Dataset.from_tensor_slices((tokens, labels))
model = keras.Sequential([layers.Embedding(100, 8), layers.GlobalAveragePooling1D(),
                          layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(train_ds, epochs=1, verbose=0)
'''


def test_single_reviews_are_padded_into_batches_where_the_datasets_are_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, RAGGED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(RAGGED, "train_ds = reviews(96)")
    assert [f["code"] for f in finding["fixes"]] == ["train_ds = reviews(96).padded_batch(32)\n"
                                                     "val_ds = reviews(32).padded_batch(32)"]
    written = written_and_run(run_cli, tmp_path)
    assert "val_ds = reviews(32).padded_batch(32)" in written


def test_samples_of_one_length_are_batched(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, FIXED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(FIXED, "train_ds = tf.data.Dataset")
    assert finding["fixes"][0]["code"] == "train_ds = tf.data.Dataset.from_tensor_slices((tokens, labels)).batch(32)"
    assert ".batch(32)" in written_and_run(run_cli, tmp_path)
