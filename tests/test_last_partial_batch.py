"""A hand-written GAN loop whose labels are sized by a fixed batch size, over a dataset whose last batch
is smaller (real Keras).

Hands-On ML 3, chapter 17: 1000 images in batches of 32 leave 8; that step joins 32 generated and 8 real
images against 64 labels. The notebook batches with ``drop_remainder=True``: the dataset's batch line is
the root cause and gets it, proven by the patched script (r540). A call that never ran with matching
counts keeps the labels' reading.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

images = np.random.default_rng(0).random((100, 6)).astype("float32")
generator = keras.Sequential([keras.Input((4,)), layers.Dense(6)])
discriminator = keras.Sequential([keras.Input((6,)), layers.Dense(1, activation="sigmoid")])
discriminator.compile(loss="binary_crossentropy", optimizer="rmsprop")

batch_size = 16
dataset = tf.data.Dataset.from_tensor_slices(images)
dataset = dataset.batch(batch_size).prefetch(1)

for real in dataset:
    fake = generator(tf.random.normal([batch_size, 4]))
    both = tf.concat([fake, real], axis=0)
    labels = tf.constant([[0.]] * batch_size + [[1.]] * batch_size)
    discriminator.train_on_batch(both, labels)
'''


def test_the_dataset_keeps_only_full_batches(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD203"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "dataset = dataset.batch(")
    first = finding["fixes"][0]
    assert first["code"] == "dataset = dataset.batch(batch_size, drop_remainder=True).prefetch(1)"
    assert first["proven"]


def test_labels_that_never_matched_keep_the_labels_reading(tmp_path):
    script = SCRIPT.replace("[[1.]] * batch_size)", "[[1.]] * batch_size + [[1.]])")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "labels = tf.constant(")
