"""A recurrent layer given a mask computed from the embedded vectors (real Keras; r675).

The masking guide computes ``embedding.compute_mask(token_ids)``; computed from the vectors the
Embedding returned, the mask keeps their feature axis and the LSTM fails in its loop with "Dimensions
must be equal". The ``compute_mask`` line is the root cause, the fix passes the ids, proven by running
the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Reader(layers.Layer):
    def __init__(self):
        super().__init__()
        self.lookup = layers.Embedding(300, 8, mask_zero=True)
        self.rnn = layers.GRU(12)

    def call(self, ids):
        embedded = self.lookup(ids)
        keep = self.lookup.compute_mask(embedded)
        return self.rnn(embedded, mask=keep)


ids_in = keras.Input(shape=(10,), dtype="int32")
model = keras.Model(ids_in, layers.Dense(1)(Reader()(ids_in)))
model.compile(optimizer="adam", loss="mse")
ids = np.random.default_rng(1).integers(0, 300, size=(32, 10))
model.fit(ids, np.zeros((32, 1)), batch_size=8, epochs=1, verbose=0)
print("ok")
'''


def test_a_mask_computed_from_the_vectors_is_computed_from_the_ids(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["id"] == "SD101" and "with a feature axis" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "keep = self.lookup.compute_mask(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "keep = self.lookup.compute_mask(ids)"
