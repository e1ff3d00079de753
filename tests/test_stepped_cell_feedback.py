"""A prediction fed back into the same recurrent cell with fewer features than the cell reads (real Keras).

The TensorFlow time-series tutorial's FeedBack model steps one LSTMCell through its own predictions
(``x = prediction; x, state = self.lstm_cell(x, states=state)``), so its output layer is
``Dense(num_features)``. Written ``Dense(1)``, the second step fails in the cell. A cell is meant to be
stepped with the same weights: the layer that made the fed-back input is the root cause and its width
the fix (spelled with the script's own name for it), proven; no second cell is offered (r539).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf

num_features = 3
windows = np.random.default_rng(0).normal(size=(16, 10, num_features)).astype("float32")


class FeedBack(tf.keras.Model):
    def __init__(self, units, out_steps):
        super().__init__()
        self.out_steps = out_steps
        self.cell = tf.keras.layers.LSTMCell(units)
        self.rnn = tf.keras.layers.RNN(self.cell, return_state=True)
        self.dense = tf.keras.layers.Dense(1)

    def call(self, inputs):
        x, *state = self.rnn(inputs)
        prediction = self.dense(x)
        predictions = [prediction]
        for _ in range(1, self.out_steps):
            x, state = self.cell(prediction, states=state)
            prediction = self.dense(x)
            predictions.append(prediction)
        return tf.transpose(tf.stack(predictions), [1, 0, 2])


model = FeedBack(8, 4)
print(model(windows[:, :6]).shape)
'''


def test_the_layer_that_makes_the_fed_back_input_gets_the_cells_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.dense = tf.keras.layers.Dense(1)")
    first = finding["fixes"][0]
    assert first["code"] == "self.dense = tf.keras.layers.Dense(num_features)" and first["proven"]
    assert not any("LSTMCell(units)" in f["code"] or "cell_2" in f["code"] for f in finding["fixes"])
