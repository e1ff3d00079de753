"""An id per sample declared ``Input(shape=[1])`` and embedded, joined with flat features (real Keras).

The embedding keeps the declared length-1 axis, (None, 1, d), and Concatenate refuses it beside
(None, 8) features. The axis was declared, not made by the embedding: the Input is the root cause,
``shape=()`` there the first fix (proven by the patched script), Flatten where the two meet the
second; nothing is pooled over one step (r532, Hands-On ML 3 chapter 13). A declared length-1 axis
that a real sequence layer reads (an LSTM after the merge) keeps its own rule.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

categories = ["red", "green", "blue", "grey"]
lookup = layers.StringLookup()
lookup.adapt(categories)
colour_embed = keras.Sequential([lookup, layers.Embedding(lookup.vocabulary_size(), 3)])

x_num = np.random.rand(64, 5).astype("float32")
x_cat = np.random.choice(categories, size=64).astype(object)
y = np.random.rand(64, 1).astype("float32")

num_in = keras.Input(shape=(5,), name="num")
cat_in = keras.Input(shape=(1,), dtype="string", name="cat")
embedded = colour_embed(cat_in)
joined = layers.Concatenate()([num_in, embedded])
model = keras.Model([num_in, cat_in], layers.Dense(1)(joined))
model.compile(optimizer="sgd", loss="mse")
model.fit((x_num, x_cat), y, epochs=1, verbose=0)
'''


def test_the_input_that_declared_the_length_one_axis_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "cat_in = keras.Input(")
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"]
    assert first["code"] == 'cat_in = keras.Input(shape=(), dtype="string", name="cat")'
    codes = [f["code"] for f in finding["fixes"]]
    assert any("Flatten()(embedded)" in c for c in codes)
    assert not any("GlobalAveragePooling1D" in c for c in codes)
