"""An Input declared with the whole shape of one batch taken from a dataset (real Keras).

``for sample_batch, _ in ds.take(1): break`` then ``Input(shape=sample_batch.shape)`` counts the batch
axis twice: the convolution refuses five axes. The ``.shape`` read is the root cause; the fix declares
``sample_batch.shape[1:]``, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

images = np.zeros((24, 12, 12, 1), "float32")
ds = tf.data.Dataset.from_tensor_slices((images, np.zeros(24, "int64"))).batch(8)
for sample_batch, _ in ds.take(1):
    break
model = keras.Sequential([
    layers.Input(shape=sample_batch.shape),
    layers.Conv2D(4, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3),
])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(ds, epochs=1, verbose=0)
'''


def test_the_batch_axis_is_dropped_from_the_declaration(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Input(shape=sample_batch.shape)")
    first = finding["fixes"][0]
    assert first["code"] == "layers.Input(shape=sample_batch.shape[1:])," and first["proven"], first


WHOLE = '''import numpy as np
import keras
from keras import layers

signals = np.random.rand(64, 50, 2).astype("float32")
kinds = np.random.randint(0, 3, size=(64,))
input_shape = signals.shape


def make_model(shape):
    inputs = keras.Input(shape=shape)
    x = layers.Conv1D(8, 3, activation="relu")(inputs)
    x = layers.GlobalAveragePooling1D()(x)
    return keras.Model(inputs, layers.Dense(3, activation="softmax")(x))


model = make_model(input_shape)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(signals, kinds, epochs=1, verbose=0)
'''


def test_the_whole_training_array_shape_counts_its_samples_as_an_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, WHOLE)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(WHOLE, "input_shape = signals.shape")
    assert [f["code"] for f in finding["fixes"]] == ["input_shape = signals.shape[1:]"]
    assert finding["fixes"][0]["proven"] and "whole data set" in finding["explanation"]


def test_a_single_sample_shape_is_not_blamed(tmp_path):
    # one sample's shape is the right declaration: the model trains
    fine = WHOLE.replace("input_shape = signals.shape", "input_shape = signals[0].shape")
    report, _, proc = run_json(run_cli, tmp_path, fine)
    assert proc.returncode == 0 and report["findings"] == [], proc.stderr
