"""Labels encoded for the model and never passed: the call takes the raw ones (real Keras).

An EEG-Inception training script one-hot encodes its labels (``train_erp_labels =
one_hot_labels(erp_labels)``) for a two-unit softmax head and then fits on ``erp_labels``. The thread's
fix passes the encoded labels; re-encoding them again, or changing the head, ignores what the script
already made (r551). An encoding that is used elsewhere is no such evidence.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
signals = rng.normal(size=(80, 16)).astype("float32")
targets = rng.integers(0, 3, size=80)
targets_onehot = keras.utils.to_categorical(targets, 3)

model = keras.Sequential([keras.Input(shape=(16,)), layers.Dense(8, activation="relu"),
                          layers.Dense(3, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(signals, targets, epochs=1, batch_size=16, verbose=0)
'''

USED = SCRIPT.replace("model.fit(signals, targets,", "print(targets_onehot.sum())\nmodel.fit(signals, targets,")


def test_the_unused_encoding_is_passed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.fit(signals, targets,")
    first = finding["fixes"][0]
    assert first["code"] == "model.fit(signals, targets_onehot, epochs=1, batch_size=16, verbose=0)"
    assert "targets_onehot" in finding["explanation"]
    assert "model.fit(signals, targets_onehot," in written_and_run(run_cli, tmp_path)


def test_an_encoding_used_elsewhere_is_no_evidence(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, USED)
    assert proc.returncode == 1, proc.stderr
    assert not any("targets_onehot" in f["code"] for f in report["findings"][0]["fixes"])
