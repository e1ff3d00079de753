"""Per-step labels for a model that takes sequences of any length and answers once per sequence (real Keras).

A keras-team/keras#1920 reply: a Conv1D + GlobalMaxPooling1D + Dense(1) classifier of variable-length
signals was given a (samples, steps) label matrix; there is one label per sequence whatever its length
(r454). A Dense with one unit per step would tie the model to one length it does not declare, so the
labels are the root cause and are reduced to one per sequence; a model with a fixed length is not
judged by this rule.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
signals = rng.standard_normal((48, 12, 2)).astype("float32")
flags = (signals[..., 0] > 0.5).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(None, 2)),
    layers.LSTM(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(signals, flags, batch_size=16, epochs=1, verbose=0)
'''


def test_per_step_flags_for_a_length_free_model_are_reduced_to_one_per_sequence(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == line_of(SCRIPT, "flags = (")
    codes = [(f["code"], f["verified"]) for f in finding["fixes"]]
    assert codes[:2] == [("flags = flags.max(axis=1, keepdims=True)", True), ("flags = flags[:, -1:]", True)]
    assert not any("Dense(12" in code for code, _ in codes)


def test_a_model_of_fixed_length_is_not_judged_by_the_rule(tmp_path):
    fixed = SCRIPT.replace("keras.Input(shape=(None, 2))", "keras.Input(shape=(12, 2))")
    report, _, proc = run_json(run_cli, tmp_path, fixed)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert "one label per sequence" not in " ".join(f["title"] for f in finding["fixes"])
