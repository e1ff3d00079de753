"""Sequences padded with a number where the script names the length the model was built with (real Keras).

The keras-io transformer text classifier binds ``maxlen = 200`` and builds its Input and position
embedding from it; written ``pad_sequences(x_train, maxlen=80)`` the data is 80 tokens long. The keyword
is named like the script's variable, which holds the model's length: the data line is the root cause and
``maxlen=maxlen`` the fix (r194). A number that agrees with no such name keeps the other fixes.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

maxlen = 12
vocab_size = 50
x_train = [list(np.random.randint(1, vocab_size, size=np.random.randint(3, 20))) for _ in range(32)]
y_train = np.random.randint(0, 2, size=32)
x_train = keras.utils.pad_sequences(x_train, maxlen=16)

inputs = layers.Input(shape=(maxlen,))
x = layers.Embedding(vocab_size, 8)(inputs)
x = layers.Flatten()(x)
model = keras.Model(inputs, layers.Dense(2, activation="softmax")(x))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, verbose=0)
'''


def test_the_literal_length_becomes_the_scripts_name(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x_train = keras.utils.pad_sequences(")
    first = finding["fixes"][0]
    assert first["code"] == "x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)" and first["verified"]


def test_without_a_name_of_that_length_no_such_fix(tmp_path):
    script = SCRIPT.replace("maxlen = 12\n", "").replace("shape=(maxlen,)", "shape=(12,)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("maxlen=maxlen" in f["code"] for f in report["findings"][0]["fixes"])
