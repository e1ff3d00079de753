"""Inputs declared ``shape=(1,)`` for one id per sample, the extra axis reaching the output (real Keras).

Two id inputs are embedded and joined with ``Dot(axes=1)``: declared (1,), each embedding is (batch, 1, 4)
and the Dot makes a (batch, 4, 4) outer product that the loss refuses against one rating per sample. The
declarations are the root cause; the fix declares both ``shape=()``, proven by running the patched script.
A model whose (1,) input is right (a Dense on it) is left alone: it raises nothing.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

users = keras.Input(name="user", shape=(1,), dtype="int32")
items = keras.Input(name="item", shape=(1,), dtype="int32")
u = layers.Embedding(10, 4)(users)
v = layers.Embedding(12, 4)(items)
score = layers.Dot(axes=1)([u, v])
model = keras.Model([users, items], score)
model.compile(optimizer="adam", loss="mse")
ids = {"user": np.arange(16) % 10, "item": np.arange(16) % 12}
model.fit(ids, np.ones(16), epochs=1, verbose=0)
'''


def test_both_declarations_become_scalars(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'users = keras.Input(name="user"')
    first = finding["fixes"][0]
    assert first["code"] == 'users = keras.Input(name="user", shape=(), dtype="int32")' and first["proven"]


def test_a_dense_on_a_one_wide_input_is_fine(tmp_path):
    script = '''import numpy as np
import keras
from keras import layers

x = keras.Input(shape=(1,))
model = keras.Model(x, layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
model.fit(np.arange(16.0), np.ones(16), epochs=1, verbose=0)
print("ok")
'''
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []


def test_an_id_out_of_range_is_not_blamed_on_a_one_wide_id_input(tmp_path):
    # (None, 1) predictions against (n,) ratings are one value per sample to Keras's losses: the
    # Embedding's input_dim is the cause, not the Input's shape=(1,).
    script = '''import numpy as np
import keras
from keras import layers

ids = np.random.randint(1, 21, size=(64,))
n_ids = int(ids.max())
inp = keras.Input(shape=(1,))
vec = layers.Embedding(n_ids, 4)(inp)
model = keras.Model(inp, layers.Dense(1)(layers.Flatten()(vec)))
model.compile(optimizer="adam", loss="mse")
model.fit(ids, np.ones(64), epochs=1, verbose=0)
'''
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "vec = layers.Embedding(n_ids, 4)(inp)")
