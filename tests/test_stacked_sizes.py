"""Per-field layers made in a loop with their own sizes, stacked along a new axis (real Keras; r692).

``Concatenate(axis=1)`` of ``(None, 1, k)`` embeddings stacks fields for a term that reads them per field;
joining along the last axis would build but make that term meaningless. The loop line is the root cause
and one size is written for all (proven); the last-axis join is not offered. A concatenation of vectors
along their features is left to the other rules.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

COLUMNS = {"store": 500, "weekday": 7, "promo": 3}
inputs, vectors = [], []
for column, size in COLUMNS.items():
    column_in = keras.Input(shape=(1,), dtype="int32", name=column)
    inputs.append(column_in)
    vectors.append(layers.Embedding(size, max(2, size // 50))(column_in))
fields = layers.Concatenate(axis=1)(vectors)
pairwise = layers.Lambda(lambda t: ops.sum(ops.square(ops.sum(t, axis=1)), axis=1, keepdims=True),
                         output_shape=(1,))(fields)
model = keras.Model(inputs, layers.Dense(1)(pairwise))
model.compile(optimizer="adam", loss="mse")
data = {c: np.random.randint(0, n, (32, 1)) for c, n in COLUMNS.items()}
model.fit(data, np.random.rand(32, 1), epochs=1, verbose=0)
print("ok")
'''


def test_fields_stacked_with_their_own_sizes_get_one_size_at_the_loop(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "vectors.append(layers.Embedding(")
    assert "(10, 2, 2)" in finding["explanation"]
    assert [f["code"] for f in finding["fixes"]] == ["vectors.append(layers.Embedding(size, 4)(column_in))"]
    assert finding["fixes"][0]["proven"]
