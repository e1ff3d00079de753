"""A mask one axis short of the per-step scores it masks (real Keras; r1193).

Attention pooling: ``layers.Softmax(axis=1)(scores, mask=pad_mask)`` with (batch, steps, 1) scores and a
(batch, steps) padding mask. Keras 3 refuses at the first batch ("The `mask` must be broadcastable to `inputs`").
The Softmax's call line is the root cause and the mask given the trailing axis the one fix, proven by running the
patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

STEPS = 12
ids = np.random.randint(0, 30, size=(32, STEPS))
flags = np.random.randint(0, 2, size=(32, 1)).astype("float32")

tokens = keras.Input(shape=(STEPS,), dtype="int32")
present = ops.not_equal(tokens, 0)
states = layers.GRU(8, return_sequences=True)(layers.Embedding(30, 8)(tokens))
scores = layers.Dense(1)(states)
weights = layers.Softmax(axis=1)(scores, mask=present)
pooled = layers.Lambda(lambda t: ops.sum(t[0] * t[1], axis=1))([weights, states])
model = keras.Model(tokens, layers.Dense(1, activation="sigmoid")(pooled))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(ids, flags, epochs=1, batch_size=8, verbose=0)
'''


def test_the_mask_gets_the_scores_trailing_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "weights = layers.Softmax(axis=1)")
    assert finding["culprit"]["line"] == line
    [fix] = finding["fixes"]
    assert fix["code"] == "weights = layers.Softmax(axis=1)(scores, mask=ops.expand_dims(present, -1))"
    assert fix["proven"]
