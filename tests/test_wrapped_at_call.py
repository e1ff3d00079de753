"""An axis added at the training call to an array that already fits the model (real Keras; r666).

``model.predict(state[np.newaxis])`` where ``state`` is already ``(1, 4)``, a batch of one for a model
declared on 4 values: the wrap at the call added the axis the model does not take, so the call's line
is the root cause, not the line that made ``state``. When the wrapped array lacks the batch axis (a
single sample), the wrap is right and the line that made the array stays the root cause.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

policy = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8, activation="relu"), layers.Dense(2)])
history = [np.zeros(4, "float32"), np.ones(4, "float32")]
state = np.stack(history[-1:])
scores = policy.predict_on_batch(state[np.newaxis])
print(int(np.argmax(scores[0])))
'''


def _culprit(report: dict) -> dict:
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    return finding["culprit"]


def test_an_axis_added_at_the_call_to_data_that_fits_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    culprit = _culprit(report)
    assert culprit["kind"] == "data" and culprit["line"] == line_of(SCRIPT, "scores = policy.predict_on_batch(")


def test_a_wrapped_array_of_other_sizes_keeps_the_line_that_made_it(tmp_path):
    wide = SCRIPT.replace('np.zeros(4, "float32"), np.ones(4, "float32")', 'np.zeros(5, "float32"), np.ones(5, "float32")')
    report, _, proc = run_json(run_cli, tmp_path, wide)
    assert proc.returncode == 1, proc.stderr
    assert _culprit(report)["line"] != line_of(wide, "scores = policy.predict_on_batch(")
