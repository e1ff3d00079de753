"""A grouped convolution whose ``groups`` do not divide its input channels (real Keras; r1228).

Keras refuses at build: "The number of input channels must be evenly divisible by the number of groups. Received
groups=8, but the input has 12 channels". The convolution is the root cause (not the input that made 12 channels),
and the fix is the largest number of groups dividing both the input channels and the filters, verified by Keras.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

signals = keras.Input(shape=(100, 12))
x = layers.Conv1D(16, 5, padding="same", groups=8, activation="relu")(signals)
x = layers.GlobalAveragePooling1D()(x)
model = keras.Model(signals, layers.Dense(3, activation="softmax")(x))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(20, 100, 12), np.random.randint(0, 3, size=20), epochs=1, verbose=0)
'''


def test_the_convolution_is_the_cause_and_gets_groups_dividing_both_sizes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "x = layers.Conv1D(16, 5")
    assert (finding["culprit"]["kind"], finding["culprit"]["line"]) == ("layer", line)
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == line
    assert first["code"] == 'x = layers.Conv1D(16, 5, padding="same", groups=4, activation="relu")(signals)'
