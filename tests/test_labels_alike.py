"""Samples and their labels both gathered in Python lists: stacked together (real Keras).

Keras 3 reads a list as one array per model input. When the images are a list of (32, 32, 3) arrays
and the targets a list of (5,) arrays, stacking the images alone leaves the labels a list of 40 "outputs":
the fix stacks both in the same call, and the pairing is checked on the stacked labels (r025).
"""

from __future__ import annotations

from conftest import run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

pictures = [np.random.rand(12, 12, 3).astype("float32") for _ in range(24)]
targets = [np.random.rand(4).astype("float32") for _ in range(24)]
inputs = keras.Input(shape=(12, 12, 3))
outputs = layers.Dense(4)(layers.GlobalAveragePooling2D()(layers.Conv2D(4, 3)(inputs)))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(pictures, targets, epochs=1, batch_size=8, verbose=0)
'''


def test_both_lists_are_stacked(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"].splitlines() == ["pictures = np.asarray(pictures)",
                                                                "targets = np.asarray(targets)"]
    written = written_and_run(run_cli, tmp_path)
    assert "targets = np.asarray(targets)" in written
