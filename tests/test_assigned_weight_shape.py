"""A weight given a value of another shape with ``variable.assign`` (SD102, real Keras).

A warm-started Embedding is made with the size of the old vocabulary, built, and its ``embeddings`` assigned
a matrix made for the new, larger vocabulary: Keras refuses ("variable.assign(value) must match"). The error is
raised outside any layer call; before, it was "not a shape error". The root cause is the layer's construction
call; the fix sizes it from the value itself, ``Embedding(matrix.shape[0], ...)``, proven by running the
patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

old_words = 40
new_words = 55
matrix = np.random.rand(new_words, 6).astype("float32")
table = layers.Embedding(old_words, 6)
table.build((None,))
table.embeddings.assign(matrix)
model = keras.Sequential([keras.Input(shape=(4,)), table, layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.randint(0, new_words, size=(16, 4)), np.ones(16), epochs=1, verbose=0)
'''


def test_the_layer_is_sized_from_the_assigned_value(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD102"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "table = layers.Embedding(old_words, 6)")
    first = finding["fixes"][0]
    assert first["code"] == "table = layers.Embedding(matrix.shape[0], 6)" and first["proven"]
