"""A loss computed inside a user layer against targets wider than the logits a Dense makes (real Keras).

The endpoint layer compares a (None, 6) targets input with ``Dense(1)`` logits while the model is built; the
finding blames the Dense and now carries its fix, ``Dense(N_LABELS)`` (the script's name for 6), proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import keras
from keras import layers, ops

N_LABELS = 6


class Endpoint(layers.Layer):
    def __init__(self):
        super().__init__()
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)

    def call(self, logits, targets):
        self.add_loss(self.loss_fn(targets, logits))
        return ops.sigmoid(logits)


rows = keras.Input((12,))
wanted = keras.Input((N_LABELS,))
logits = layers.Dense(1)(layers.Dense(8, activation="relu")(rows))
model = keras.Model([rows, wanted], Endpoint()(logits, wanted))
'''


def test_the_logits_get_the_targets_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "logits = layers.Dense(1)")
    first = finding["fixes"][0]
    assert first["code"] == 'logits = layers.Dense(N_LABELS)(layers.Dense(8, activation="relu")(rows))' \
        and first["proven"], first
