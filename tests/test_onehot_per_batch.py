"""One-hot labels encoded batch by batch without ``num_classes`` (real Keras).

A maintainer's reply (pompierninja/Keras-HDF5-ImageDataGenerator): a generator that one-hot encodes
each batch with ``to_categorical(y)`` must be told the number of classes, or each batch's width
follows the largest label it holds (r452). The ``to_categorical`` line inside the generator is the
root cause and gets ``num_classes=k``; no fix shrinks the model to one batch's width.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

classes = 6
labels = np.repeat(np.arange(classes), 16)  # stored class by class
features = np.random.default_rng(2).random((labels.size, 12)).astype("float32")


def batches(batch_size=24):
    while True:
        for start in range(0, len(labels), batch_size):
            y = keras.utils.to_categorical(labels[start:start + batch_size])
            yield features[start:start + batch_size], y


model = keras.Sequential([keras.Input((12,)), layers.Dense(16, activation="relu"),
                          layers.Dense(classes, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(batches(), steps_per_epoch=4, epochs=1, verbose=0)
'''


def test_per_batch_one_hot_is_fixed_in_the_generator_not_in_the_model(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y = keras.utils.to_categorical(")
    codes = [f["code"] for f in finding["fixes"]]
    assert codes[0] == "y = keras.utils.to_categorical(labels[start:start + batch_size], num_classes=classes)"
    assert not any("Dense(2" in c or "classes = 2" in c for c in codes)
    assert "num_classes=classes)" in written_and_run(run_cli, tmp_path)
