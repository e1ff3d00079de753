"""One-hot labels made in a ``tf.data`` map function with a depth written as a number (real Keras).

The speech-commands thread (dfalbel/speech-keras#2, r476): the pipeline encodes the class ids with
``tf.one_hot(class_id, 29)`` while the data has 30 classes and the model 30 outputs. The number in
the map function is the root cause; the fix writes the model's width there with the script's own
name for it. Ids at or above the depth become all-zero rows: then no model fix is offered at all.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

n_classes = 5
ids = np.arange(60) % n_classes
clips = np.random.default_rng(4).random((60, 12)).astype("float32")
train = tf.data.Dataset.from_tensor_slices((clips, ids))
train = train.map(lambda clip, i: (clip, tf.one_hot(i, 4)))
train = train.batch(12)

model = keras.Sequential([keras.Input((12,)), layers.Dense(16, activation="relu"),
                          layers.Dense(n_classes, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train, epochs=1, verbose=0)
'''


def test_depth_written_in_the_map_function_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "tf.one_hot(i, 4)")
    codes = [f["code"] for f in finding["fixes"]]
    assert codes[0] == "train = train.map(lambda clip, i: (clip, tf.one_hot(i, n_classes)))"
    assert not any("Dense(4" in c for c in codes)  # class 4 became all-zero rows: the model is right
    assert "tf.one_hot(i, n_classes)" in written_and_run(run_cli, tmp_path)
