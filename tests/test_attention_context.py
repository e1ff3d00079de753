"""An attention layer given a recurrent encoder's last state instead of its sequence (real Keras).

The TensorFlow translation tutorial (r484): the encoder, a layer of the user's own, wraps
``Bidirectional(GRU(units))`` without ``return_sequences=True``; the decoder's ``MultiHeadAttention``
then gets a (batch, units) value and fails in an ``Einsum``. The GRU's line is the root cause (not
the encoder layer, not the attention's query) and gets ``return_sequences=True``, proven.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Summarizer(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.rnn = layers.Bidirectional(
            layers.LSTM(units), merge_mode="sum")

    def call(self, x):
        return self.rnn(x)


steps = keras.Input((6, 8))
source = keras.Input((9, 8))
context = Summarizer(8)(source)
attended = layers.MultiHeadAttention(num_heads=2, key_dim=4)(query=steps, value=context)
model = keras.Model([steps, source], layers.Dense(1)(attended))
print(model.predict([np.ones((2, 6, 8)), np.ones((2, 9, 8))], verbose=0).shape)
'''


def test_recurrent_last_state_given_to_attention_gets_return_sequences(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.LSTM(units)")
    fix = finding["fixes"][0]
    assert "layers.LSTM(units, return_sequences=True)" in fix["code"]
    assert "layers.LSTM(units, return_sequences=True), merge_mode=" in written_and_run(run_cli, tmp_path)
