"""Class ids returned by a ``tf.data`` map function for a categorical loss (real Keras).

keras-io accent recognition (r517): the map returns ``(embeddings, labels)`` instead of
``(embeddings, tf.one_hot(labels, len(class_names)))``. The map function's return line is the
root cause, also when the dataset is built in a function of the script, and the fix one-hot
encodes the returned labels there, spelled with the script's own name for the class count.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

kinds = ["a", "b", "c", "d"]


def to_pair(signal, kind):
    feature = tf.reduce_mean(tf.reshape(signal, (4, 5)), axis=0)
    return (feature, kind)


def make_dataset(signals, kinds_seen):
    ds = tf.data.Dataset.from_tensor_slices((signals, kinds_seen)).map(to_pair)
    return ds.batch(8)


train = make_dataset(np.random.default_rng(2).random((32, 20)).astype("float32"), np.arange(32) % 4)
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(len(kinds), activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train, epochs=1, verbose=0)
'''


def test_map_function_return_is_one_hot_encoded(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return (feature, kind)")
    assert finding["fixes"][0]["code"] == "return (feature, tf.one_hot(kind, len(kinds)))"
    assert finding["fixes"][0]["verified"]
    assert "return (feature, tf.one_hot(kind, len(kinds)))" in written_and_run(run_cli, tmp_path)


def test_lambda_map_in_the_same_statement(tmp_path):
    script = SCRIPT.replace(
        "train = make_dataset(np.random.default_rng(2).random((32, 20)).astype(\"float32\"), np.arange(32) % 4)",
        "train = tf.data.Dataset.from_tensor_slices((np.ones((32, 5), \"float32\"), np.arange(32) % 4))"
        ".map(lambda f, k: (f * 2, k)).batch(8)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["fixes"][0]["code"].endswith(".map(lambda f, k: (f * 2, tf.one_hot(k, len(kinds)))).batch(8)")
