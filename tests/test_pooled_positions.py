"""A global pooling in ``call`` that removed the positions the labels keep (real Keras).

keras-io's NER transformer adapted from a text classifier (r659): ``x = self.pool(x)`` before the
per-token head, and the loss refuses one tag id per token against one row per sentence. The pooling line
is the cause, and removing it is the fix, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Tagger(keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = layers.Embedding(30, 8)
        self.mix = layers.Conv1D(8, 3, padding="same")
        self.squash = layers.GlobalMaxPooling1D()
        self.head = layers.Dense(5, activation="softmax")

    def call(self, tokens):
        h = self.mix(self.embed(tokens))
        h = self.squash(h)
        return self.head(h)


model = Tagger()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.randint(0, 30, (10, 6)), np.random.randint(0, 5, (10, 6)), epochs=1, verbose=0)
'''


def test_the_pooling_line_is_removed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "h = self.squash(h)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "# h = self.squash(h)", first
