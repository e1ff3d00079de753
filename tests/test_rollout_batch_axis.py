"""A rollout loop predicts on one clip without its batch axis and grows that clip each pass
(``frames = np.concatenate((frames, new), axis=0)``: keras-io's next-frame prediction, r937). The clip is
made right; the batch axis belongs in the call, ``model.predict(np.expand_dims(frames, 0))``: the call is
the culprit and the fix is written inline (a rebinding line inside the loop would add the axis on every
pass), verified by replaying the call, then written and run under plain python. Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json, written_and_run

SCRIPT = """\
import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(None, 4)), layers.LSTM(8), layers.Dense(4)])
frames = np.random.default_rng(0).random((5, 4)).astype("float32")
for _ in range(3):
    step = model.predict(frames, verbose=0)
    frames = np.concatenate((frames, step), axis=0)
print(frames.shape)
"""


def test_a_growing_rollout_gets_the_batch_axis_in_the_call(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    call = line_of(SCRIPT, "model.predict(")
    assert finding["culprit"]["line"] == call
    first = finding["fixes"][0]
    assert first["line"] == call and "model.predict(np.expand_dims(frames, 0), verbose=0)" in first["code"], first
    assert first["verified"], first
    written = written_and_run(cli, tmp_path)  # proven, written, and the written script runs under python
    assert "step = model.predict(np.expand_dims(frames, 0), verbose=0)" in written


CALLED = SCRIPT.replace("model.predict(frames, verbose=0)", "model(frames)").replace(
    "np.concatenate((frames, step)", "np.concatenate((frames, np.asarray(step))")


def test_a_growing_rollout_called_directly_gets_the_batch_axis_where_it_is_passed(cli, tmp_path):
    """The same rollout calling the model directly (``model(frames)``): the rule that adds the axis where
    the sample was made would add it to the growing array once, then concatenate fails; the axis goes
    into the call instead (proven)."""
    report, _, _ = run_json(cli, tmp_path, CALLED)
    finding = report["findings"][0]
    call = line_of(CALLED, "step = model(")
    assert finding["culprit"]["line"] == call
    first = finding["fixes"][0]
    assert first["code"] == "step = model(np.expand_dims(frames, 0))" and first["proven"], first
