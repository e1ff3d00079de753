"""A custom layer reads an axis its input lacks: ``input_shape[2]`` in ``build`` or ``x.shape[2]`` in
``call`` of a 2-D tensor raises Python's ``IndexError: tuple index out of range``, which names no layer
and no shape (philipperemy/keras-attention#60, r971). shapedoctor reads the rank the layer's own line
needs from the index (3 axes), diagnoses a wrong rank at the layer, aims at the layer that dropped the
time axis (an LSTM without return_sequences) and proves ``return_sequences=True``. An IndexError that
is not a shape read (a Python list of the layer's own) stays Python's: no finding. Real Keras."""

from __future__ import annotations

import pytest
from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers, ops


class TimeAttention(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(READ, 1), initializer="glorot_uniform")

    def call(self, x):
        width = CALL_READ
        scores = ops.softmax(ops.matmul(x, self.w), axis=1)
        return ops.sum(scores * x, axis=1) * (width / width)


x_train = np.random.default_rng(0).random((64, 10, 4)).astype("float32")
y_train = np.random.default_rng(1).random((64, 1)).astype("float32")
inputs = keras.Input(shape=(10, 4))
h = layers.LSTM(16)(inputs)
h = TimeAttention()(h)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, verbose=0)
print("trained")
"""


@pytest.mark.parametrize("read, call_read", [("input_shape[2]", "1"), ("input_shape[-1]", "x.shape[2]")],
                         ids=["build", "call"])
def test_an_axis_read_past_the_input_is_a_wrong_rank_aimed_upstream(cli, tmp_path, read, call_read):
    script = SCRIPT.replace("CALL_READ", call_read).replace("READ", read)
    report, _, proc = run_json(cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["received"] == "(None, 16)" and finding["keras_message"] == "IndexError: tuple index out of range"
    assert finding["consumer"]["line"] == line_of(script, "TimeAttention()(h)")
    assert finding["culprit"]["line"] == line_of(script, "layers.LSTM(16)")
    first = finding["fixes"][0]
    assert "LSTM(16, return_sequences=True)" in first["code"] and first["verified"], first


def test_an_index_error_that_reads_no_shape_stays_pythons(cli, tmp_path):
    script = SCRIPT.replace("CALL_READ", "[1, 2][5]").replace("READ", "input_shape[-1]").replace(
        "layers.LSTM(16)", "layers.LSTM(16, return_sequences=True)")
    report, _, proc = run_json(cli, tmp_path, script)
    assert proc.returncode == 1
    assert report["findings"] == [], report["findings"]
    assert "list index out of range" in proc.stderr
