"""A softmax over more classes than the script names and its labels use (SD213, silent; real Keras).

udacity/intro-to-ml-tensorflow's cats-and-dogs notebook (r1120) kept MNIST's ``Dense(10, activation="softmax")``
for 0/1 labels under a sparse loss: it trains without an error, on eight classes that never occur. The output
layer is the culprit and two units the fix (verified). Names of ten classes, or a two-unit head, are no warning.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

class_names = ["cat", "dog"]
rng = np.random.default_rng(0)
images = rng.random((32, 8, 8, 3)).astype("float32")
labels = rng.integers(0, 2, size=32).astype("float32")
model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Flatten(), layers.Dense(16, activation="relu"),
                          layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=1, verbose=0)
print("trained")
'''


def test_a_ten_unit_softmax_for_two_named_classes_is_flagged(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr  # found, though the program ran
    assert "trained" in proc.stderr
    finding = next(f for f in report["findings"] if f["id"] == "SD213")
    assert finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'layers.Dense(10, activation="softmax")')
    first = finding["fixes"][0]
    assert 'layers.Dense(2, activation="softmax")' in first["code"] and first["verified"]


def test_ten_named_classes_or_a_two_unit_head_are_no_warning(tmp_path):
    ten = SCRIPT.replace('class_names = ["cat", "dog"]', 'class_names = [f"c{i}" for i in range(10)]')
    two = SCRIPT.replace('layers.Dense(10, activation="softmax")', 'layers.Dense(2, activation="softmax")')
    for i, script in enumerate((ten, two)):
        folder = tmp_path / str(i)
        folder.mkdir()
        report, _, proc = run_json(run_cli, folder, script)
        assert proc.returncode == 0 and not report["findings"], proc.stderr
