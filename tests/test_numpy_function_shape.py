"""A layer returning what ``tf.numpy_function`` made, of unknown shape (real Keras; r696).

Keras cannot infer such a layer's output ("Could not automatically infer the output shape"). The NumPy
function is measured on zeros shaped like the input: a shape-keeping one gets ``x.set_shape(images.shape)``,
another the measured shape; the line goes after the call and is proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


def clip_outliers(batch):
    return np.clip(batch, 0.05, 0.95).astype("float32")


class Clip(layers.Layer):
    def call(self, frames):
        kept = tf.numpy_function(clip_outliers, [frames], tf.float32)
        return kept


frames_in = keras.Input(shape=(16, 16, 3))
h = Clip()(frames_in)
h = layers.Conv2D(4, 3, activation="relu")(h)
model = keras.Model(frames_in, layers.Dense(2)(layers.GlobalAveragePooling2D()(h)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 16, 16, 3), np.random.rand(8, 2), epochs=1, verbose=0)
print("ok")
'''


def _error(report: dict) -> dict:
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    return finding


def test_a_shape_keeping_numpy_function_gets_the_inputs_shape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = _error(report)
    assert finding["id"] == "SD107"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "kept = tf.numpy_function(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "kept.set_shape(frames.shape)"


def test_a_numpy_function_that_changes_the_shape_gets_the_measured_one(tmp_path):
    gray = SCRIPT.replace('return np.clip(batch, 0.05, 0.95).astype("float32")',
                          'return batch.mean(axis=-1, keepdims=True).astype("float32")')
    report, _, proc = run_json(run_cli, tmp_path, gray)
    assert proc.returncode == 1, proc.stderr
    [fix] = _error(report)["fixes"]
    assert fix["proven"] and fix["code"] == "kept.set_shape([None, 16, 16, 1])"
