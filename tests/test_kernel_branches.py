"""A Kim-style text CNN whose parallel convolution branches are joined before pooling (real Keras).

arnavsshah's sentence-classification CNN (r1071): Conv1D branches of kernel sizes 3, 4 and 5 over one
embedded review, each meant to be max-pooled over time into one vector; joined straight from the
convolutions, their valid outputs have 78, 77 and 76 steps and the Concatenate refuses them. The fix pools
each branch, written once after the loop's convolution line (``conv = layers.GlobalMaxPooling1D()(conv)``),
verified and proven by running the patched script. Branches written one by one get the pooling on each.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

LOOP = '''import numpy as np
import keras
from keras import layers

tokens = np.random.default_rng(0).integers(1, 200, size=(32, 30))
liked = np.random.default_rng(1).integers(0, 2, size=32)
inputs = keras.Input(shape=(30,), dtype="int32")
embedded = layers.Embedding(200, 8)(inputs)
branches = []
for width in [2, 3, 4]:
    conv = layers.Conv1D(6, width, activation="relu")(embedded)
    branches.append(conv)
merged = layers.Concatenate(axis=-1)(branches)
outputs = layers.Dense(1, activation="sigmoid")(merged)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tokens, liked, epochs=1, verbose=0)
'''


def test_branches_made_in_a_loop_are_pooled_once_after_the_loops_convolution(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, LOOP)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    first = finding["fixes"][0]
    assert first["code"] == "conv = layers.GlobalMaxPooling1D()(conv)"
    assert first["line"] == line_of(LOOP, "conv = layers.Conv1D(6, width") + 1
    assert first["verified"]


def test_branches_written_one_by_one_are_each_pooled(tmp_path):
    script = LOOP.replace('''branches = []
for width in [2, 3, 4]:
    conv = layers.Conv1D(6, width, activation="relu")(embedded)
    branches.append(conv)
merged = layers.Concatenate(axis=-1)(branches)''', '''two = layers.Conv1D(6, 2, activation="relu")(embedded)
three = layers.Conv1D(6, 3, activation="relu")(embedded)
merged = layers.Concatenate(axis=-1)([two, three])''')
    assert script != LOOP
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"].count("GlobalMaxPooling1D()") == 2, first["code"]
