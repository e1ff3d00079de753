"""New data prepared by the twin of the training data's line, without its reshape (real Keras).

The keras-io guides flatten the training images with ``x_train.reshape(60000, 784).astype(...) / 255``;
written ``x_test = x_test.astype(...) / 255`` the test images stay (28, 28) and ``evaluate`` fails on the
input. That line is the root cause, and the fix writes it as its twin (with ``-1`` for the training
split's sample count), proven (r369). The split may exist only inside a dataset helper, whose line is
found all the same (r535, the distributed training guide). Lines that differ otherwise are no twins.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

ARRAYS = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(120, 8, 8)).astype("uint8")
y_train = rng.integers(0, 4, size=120)
x_test = rng.integers(0, 256, size=(30, 8, 8)).astype("uint8")
y_test = rng.integers(0, 4, size=30)
x_train = x_train.reshape(120, 64).astype("float32") / 255
x_test = x_test.astype("float32") / 255

model = keras.Sequential([keras.Input((64,)), layers.Dense(16, activation="relu"), layers.Dense(4)])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, epochs=1, verbose=0)
print(model.evaluate(x_test, y_test, verbose=0))
'''

HELPER = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


def get_dataset():
    rng = np.random.default_rng(1)
    x_train = rng.random((96, 8, 8)).astype("float32")
    y_train = rng.integers(0, 4, size=96)
    x_test = rng.random((32, 8, 8)).astype("float32")
    y_test = rng.integers(0, 4, size=32)
    x_train = x_train.reshape(-1, 64) * 2
    x_test = x_test * 2
    return (tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(16),
            tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(16))


model = keras.Sequential([keras.Input((64,)), layers.Dense(4)])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
train_ds, test_ds = get_dataset()
model.fit(train_ds, epochs=1, verbose=0)
print(model.evaluate(test_ds, verbose=0))
'''


def test_the_test_line_is_written_like_its_training_twin(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, ARRAYS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(ARRAYS, 'x_test = x_test.astype("float32") / 255')
    first = finding["fixes"][0]
    assert first["code"] == 'x_test = x_test.reshape(-1, 64).astype("float32") / 255' and first["proven"]


def test_a_split_made_inside_a_dataset_helper_is_found(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, HELPER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(HELPER, "x_test = x_test * 2")
    first = finding["fixes"][0]
    assert first["code"] == "x_test = x_test.reshape(-1, 64) * 2" and first["proven"]


def test_lines_that_differ_otherwise_are_no_twins(tmp_path):
    script = ARRAYS.replace('x_test = x_test.astype("float32") / 255', 'x_test = x_test.astype("float32") / 128')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("like `x_train`" in f["title"] for f in report["findings"][0]["fixes"])
