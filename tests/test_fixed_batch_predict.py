"""A model whose layer computes with the batch size its Input fixes, predicted in batches of another size (real Keras).

The layer saves ``input_shape[0]`` in ``build`` and reshapes with it; ``predict`` cuts 24 samples into one
batch of 24 where the model was built for 8. The predict call is the root cause; the fix passes the batch
size the model was built with, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

BATCH = 8


class PairProducts(layers.Layer):
    def build(self, input_shape):
        self.rows = input_shape[0]

    def call(self, x):
        return ops.reshape(x[:, :, None] * x[:, None, :], (self.rows, -1)) + ops.sum(x, axis=1, keepdims=True)


inp = keras.Input(shape=(3,), batch_size=BATCH)
net = keras.Model(inp, layers.Dense(1)(PairProducts()(inp)))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((32, 3)), np.zeros((32, 1)), batch_size=BATCH, epochs=1, verbose=0)
print(net.predict(np.zeros((24, 3)), verbose=0).shape)
'''


def test_predict_gets_the_fixed_batch_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "print(net.predict(")
    first = finding["fixes"][0]
    assert first["code"] == "print(net.predict(np.zeros((24, 3)), verbose=0, batch_size=BATCH).shape)"
    assert first["proven"]
