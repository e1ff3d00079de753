"""A two-headed model fit with the array its heads' arrays were cut from (real Keras).

The MLM multi-headed CNN (r1033) cuts ``X1 = X[:, :, 0]...`` and ``X2 = X[:, :, 1]...`` for its two input
heads, then calls ``fit(X, y)``: Keras wants 2 inputs. Both arrays fit both heads, so their shapes cannot
tell which goes where; their numbers can: ``[X1, X2]``, verified by replaying the call. Arrays named
without numbers leave the order open, and no such fix is offered.
"""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(1)
X = rng.random((20, 4, 2)).astype("float32")
y = rng.random((20, 1)).astype("float32")
X2 = X[:, :, 1].reshape((20, 4, 1))
X1 = X[:, :, 0].reshape((20, 4, 1))

heads = []
inputs = []
for _ in range(2):
    visible = keras.Input(shape=(4, 1))
    inputs.append(visible)
    heads.append(layers.Flatten()(layers.Conv1D(8, 2, activation="relu")(visible)))
model = keras.Model(inputs, layers.Dense(1)(layers.concatenate(heads)))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
"""


def test_the_numbered_arrays_go_to_the_inputs_in_their_order(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.fit(X, y")
    fix = finding["fixes"][0]
    assert fix["code"] == "model.fit([X1, X2], y, epochs=1, verbose=0)" and fix["verified"], fix


def test_arrays_without_numbers_leave_the_order_open(cli, tmp_path):
    script = SCRIPT.replace("X1", "near").replace("X2", "far")
    report, _, _ = run_json(cli, tmp_path, script)
    finding = report["findings"][0]
    assert not any("[near, far]" in (f["code"] or "") or "[far, near]" in (f["code"] or "")
                   for f in finding["fixes"]), finding["fixes"]
