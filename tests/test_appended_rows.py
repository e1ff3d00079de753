"""Prediction inputs collected by ``list.append`` of table rows where the model takes ids (real Keras).

hegongshan/deep_matrix_factorization#1: the model looks users and items up by id (``Input(shape=(1,))``
into an ``Embedding`` holding the rating matrix), but the evaluation loop appends the rating rows
themselves, ``users_input.append(ratings[user])``. The append line is the root cause (``np.array``
only stacks the rows), and appending the ids, for both inputs filled that way, is the fix, proven by
the patched script (r521). A list filled with something else keeps the append line as the culprit
without a guessed fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

ratings = (np.random.default_rng(0).random((12, 15)) < 0.3).astype("float32")
user_in = keras.Input(shape=(1,), dtype="int32")
item_in = keras.Input(shape=(1,), dtype="int32")
u = layers.Flatten()(layers.Embedding(12, 4)(user_in))
v = layers.Flatten()(layers.Embedding(15, 4)(item_in))
model = keras.Model([user_in, item_in], layers.Dot(axes=1)([u, v]))
model.compile(optimizer="adam", loss="mse")
model.fit([np.arange(12) % 12, np.arange(12) % 15], np.ones(12), epochs=1, verbose=0)


def rank(user, items):
    users_input, items_input = [], []
    for item in items:
        users_input.append(ratings[user])
        items_input.append(ratings[:, item])
    return model.predict([np.array(users_input), np.array(items_input)], verbose=0)


print(rank(3, [1, 4, 7]).shape)
'''


def test_the_append_line_is_the_cause_and_the_ids_are_appended(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "users_input.append(")
    first = finding["fixes"][0]
    assert first["proven"]
    assert "users_input.append(user)" in first["code"] and "items_input.append(item)" in first["code"]


def test_rows_of_another_kind_name_the_append_line_without_a_fix(tmp_path):
    script = SCRIPT.replace("users_input.append(ratings[user])", "users_input.append(ratings[user] * 2)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "users_input.append(")
    assert not any("append(user)" in f["code"] for f in finding["fixes"])
