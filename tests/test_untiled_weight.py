"""A learned (1, 1, d) token joined to a batch without being tiled to it (real Keras, subclassed model).

The model's ``call`` concatenates its class token, a weight of shape (1, 1, d), with (batch, n, d)
tokens: Keras refuses a batch of 1 against a batch of 4. The line that reads the weight is the root
cause; the fix tiles it to the batch of ``call``'s input, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Tagger(keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = layers.Dense(8)
        self.summary_token = self.add_weight(shape=(1, 1, 8), initializer="zeros")
        self.join = layers.Concatenate(axis=1)
        self.head = layers.Dense(2)

    def call(self, rows):
        tokens = self.embed(rows)
        joined = self.join([self.summary_token, tokens])
        return self.head(joined[:, 0])


net = Tagger()
net.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(np.zeros((8, 5, 3), "float32"), np.zeros((8,)), batch_size=4, epochs=1, verbose=0)
'''


def test_the_weight_is_tiled_to_the_batch(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "joined = self.join([self.summary_token, tokens])")
    first = finding["fixes"][0]
    assert first["code"] == ("joined = self.join([keras.ops.tile(self.summary_token, [keras.ops.shape(rows)[0], "
                             "1, 1]), tokens])") and first["proven"]
