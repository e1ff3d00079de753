"""An output layer sized by the number of distinct labels, for class ids with a gap (real Keras).

The TF course's sign-language CNN (r1130): letters keep their indices 0..24 but J never occurs, so
``num_classes = len(np.unique(labels))`` is 24 and the sparse loss refuses the label 24. The count line is the
root cause and ``int(np.max(labels)) + 1`` the fix (proven); re-numbering the ids comes second. Codes far apart
(ids 10, 20, 30) keep re-numbering first.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
ids = np.array([i for i in range(10) if i != 3])
labels = rng.choice(ids, size=120)
features = rng.normal(size=(120, 6)).astype("float32")
num_classes = len(np.unique(labels))

model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(16, activation="relu"),
                          layers.Dense(num_classes, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(features, labels, epochs=1, verbose=0)
'''


def test_the_count_line_is_the_cause_and_the_largest_id_sizes_the_output(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "num_classes = len(np.unique(labels))")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "num_classes = int(np.max(labels)) + 1" and first["verified"] and first["line"] == line
    assert "return_inverse" in finding["fixes"][1]["code"]


def test_codes_far_apart_are_renumbered_first(tmp_path):
    codes = SCRIPT.replace("ids = np.array([i for i in range(10) if i != 3])", "ids = np.array([10, 20, 30, 40])")
    report, _, proc = run_json(run_cli, tmp_path, codes)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert "return_inverse" in finding["fixes"][0]["code"]
    assert finding["culprit"]["line"] != line_of(codes, "num_classes = len(np.unique(labels))")
