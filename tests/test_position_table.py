"""Sequences longer than the position table a layer adds to them (real Keras).

A BERT-style classifier (r621) pads ``[CLS] + tokens[:maxlen] + [SEP]`` to ``maxlen + 2`` and adds a
table of as many positions as ``maxlen``: two too many. The constant is the root cause; the fix leaves
room for the extra tokens, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

WINDOW = 20
keep = 20


class Where(layers.Layer):
    def build(self, shape):
        self.rows = self.add_weight(shape=(WINDOW, shape[-1]), initializer="zeros")

    def call(self, x):
        return x + self.rows[None]


rng = np.random.default_rng(2)
seqs = np.array([[7] + list(rng.integers(3, 40, size=keep)) + [8, 0, 0] for _ in range(16)])
seqs = seqs[:, :keep + 3]
toks = keras.Input((None,), dtype="int32")
h = Where()(layers.Embedding(40, 8)(toks))
net = keras.Model(toks, layers.Dense(1)(layers.GlobalAveragePooling1D()(h)))
net.compile(optimizer="adam", loss="mse")
net.fit(seqs, np.zeros((16, 1)), epochs=1, verbose=0)
'''


def test_the_constant_that_makes_the_sequences_too_long_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "keep = 20")
    assert "23 long (keep + 3)" in finding["message"] and "20 positions" in finding["message"]
    first = finding["fixes"][0]
    assert first["code"] == "keep = 17" and first["proven"]
    assert "\nkeep = 17\n" in written_and_run(run_cli, tmp_path)
