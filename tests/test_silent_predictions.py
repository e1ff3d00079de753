"""Predictions compared with the targets by hand in NumPy (real Keras; silent, SD204).

A Keras maintainer's answer (keras-team/keras#14627): ``model.predict`` gives (n, 1), the targets
are (n,), so ``np.subtract(y, model.predict(x))`` is (n, n) and a hand-computed MSE is wrong without
any error. Seen after the script ended, on the predict call's own line and on a later line that
uses the name the predictions were assigned to; none on a correct script (r422).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

HEAD = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(40, 5).astype("float32")
y = x.sum(axis=1)
model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)
'''

INLINE = HEAD + '''mse = np.square(np.subtract(y, model.predict(x, verbose=0))).mean()
print(round(float(mse), 3) >= 0)
'''

NAMED = HEAD + '''preds = model.predict(x, verbose=0)
mae = np.mean(np.abs(y - preds))
print(mae >= 0)
'''


def _silent(report: dict) -> list:
    return [f for f in report["findings"] if f["id"] == "SD204"]


def test_the_predict_call_broadcast_against_the_targets_is_flagged_and_flattened(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, INLINE)
    assert proc.returncode == 1 and report["status"] != "ok", proc.stderr
    [finding] = _silent(report)
    assert finding["severity"] == "warning" and "(40,) - (40, 1) to (40, 40)" in finding["message"]
    assert finding["culprit"]["line"] == line_of(INLINE, "mse = np.square(")
    first = finding["fixes"][0]
    assert first["verified"] and "model.predict(x, verbose=0).ravel()" in first["code"]
    assert "np.subtract(y, model.predict(x, verbose=0).ravel())" in written_and_run(run_cli, tmp_path)


def test_the_name_the_predictions_were_assigned_to_is_followed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, NAMED)
    assert proc.returncode == 1, proc.stderr
    [finding] = _silent(report)
    assert finding["culprit"]["line"] == line_of(NAMED, "mae = np.mean(")
    assert finding["fixes"][0]["code"] == "mae = np.mean(np.abs(y - preds.ravel()))"


def test_flattened_predictions_raise_no_warning(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, NAMED.replace("y - preds", "y - preds[:, 0]"))
    assert proc.returncode == 0, proc.stderr
    assert _silent(report) == [] and report["status"] == "ok"


ENSEMBLE = HEAD + '''other = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(1)])
first_probs = model.predict(x, verbose=0)
second_probs = other.predict(x, verbose=0)
average = (np.squeeze(first_probs, axis=1) + second_probs) / 2
print(average.shape)
'''


def test_predictions_added_to_another_model_s_squeezed_predictions_are_flagged(tmp_path):
    # The other operand is an expression, np.squeeze(first_probs, axis=1): its shape is read from the script's
    # final values (r1134, an ensemble that squeezes all but one model's predictions).
    report, _, proc = run_json(run_cli, tmp_path, ENSEMBLE)
    assert proc.returncode == 1, proc.stderr
    [finding] = _silent(report)
    assert "(40,) + (40, 1) to (40, 40)" in finding["message"]
    assert finding["fixes"][0]["code"] == "average = (np.squeeze(first_probs, axis=1) + second_probs.ravel()) / 2"


def test_squeezed_predictions_on_both_sides_raise_no_warning(tmp_path):
    both = ENSEMBLE.replace("+ second_probs)", "+ second_probs[:, 0])")
    report, _, proc = run_json(run_cli, tmp_path, both)
    assert proc.returncode == 0 and _silent(report) == [], proc.stderr
