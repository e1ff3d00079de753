"""A tf.data pipeline whose elements lost their shape in tf.numpy_function (real Keras).

tensorflow/tensorflow#31373 (r473): a dataset mapped through ``tf.numpy_function`` has elements of
unknown shape, and ``fit`` fails with ``as_list() is not defined on an unknown TensorShape``. The map's
line is the root cause; the fix restores each element's shape right after it with ``tf.ensure_shape``,
proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rows = np.random.default_rng(0).random((48, 6)).astype("float32")
flags = (rows.sum(axis=1) > 3).astype("float32")


def scaled(i):
    return rows[i] * 2.0, flags[i]


data = tf.data.Dataset.range(48)
data = data.map(lambda i: tf.numpy_function(scaled, [i], [tf.float32, tf.float32]))
data = data.batch(16)
model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(data, epochs=1, verbose=0)
'''


def test_numpy_function_map_gets_its_shapes_back(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "tf.numpy_function(scaled")
    assert finding["fixes"][0]["code"] == "data = data.map(lambda x, y: (tf.ensure_shape(x, [6]), tf.ensure_shape(y, [])))"
    written = written_and_run(run_cli, tmp_path)
    assert "tf.float32]))\ndata = data.map(lambda x, y: (tf.ensure_shape(x, [6])" in written
