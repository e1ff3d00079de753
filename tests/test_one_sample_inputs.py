"""One sample passed to a two-input model as a dict of 0-d arrays, ``model({"user": np.array(42),
"item": np.array(7)})`` after training on id vectors (TensorFlow Recommenders' ranking tutorial, r954).
Each input lacks its batch axis: the call is the culprit, each value of the dict literal gets
``np.expand_dims(..., 0)`` where it is written (not the dict as a whole, which NumPy cannot convert),
the proof replays it, the written script runs under python. The size invariant counts the 0-d sample's
values as one sample's: the Embedding's ``(8,)`` growing to ``(1, 8)`` is no blow-up. Also: a rank-0
input no longer crashes the diagnosis (``got[0]`` of ``()``), and the explanation says "no axes at all".
Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json, written_and_run

SCRIPT = """\
import numpy as np
import keras
from keras import layers, ops


class Ranker(keras.Model):
    def __init__(self):
        super().__init__()
        self.users = keras.Sequential([layers.Embedding(50, 8)])
        self.items = keras.Sequential([layers.Embedding(30, 8)])
        self.head = layers.Dense(1)

    def call(self, features):
        u = self.users(features["user"])
        i = self.items(features["item"])
        return self.head(ops.concatenate([u, i], axis=1))


rng = np.random.default_rng(0)
users, items = rng.integers(0, 50, 64), rng.integers(0, 30, 64)
model = Ranker()
model.compile(optimizer="adam", loss="mse")
model.fit({"user": users, "item": items}, rng.random(64), epochs=1, verbose=0)
score = model({"user": np.array(42), "item": np.array(7)})
print(float(score[0, 0]) > -1e9)
"""


def test_each_zero_d_input_of_the_dict_gets_its_batch_axis(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    call = line_of(SCRIPT, "score = model(")
    assert finding["culprit"]["line"] == call, finding["culprit"]
    assert "no axes at all" in finding["explanation"], finding["explanation"]
    first = finding["fixes"][0]
    want = 'model({"user": np.expand_dims(np.array(42), 0), "item": np.expand_dims(np.array(7), 0)})'
    assert first["line"] == call and want in first["code"], first
    assert first["verified"], first
    written = written_and_run(cli, tmp_path)
    assert want in written
