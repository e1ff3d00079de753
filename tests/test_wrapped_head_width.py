"""A per-step head wrapped in TimeDistributed, behind an Activation, of the wrong width (real Keras).

A forecaster ends in ``TimeDistributed(Dense(96))`` then ``Activation("linear")``: (N, 96, 96)
predictions against (N, 96, 1) targets, which MSE broadcasts silently. The wrapped Dense sets the
width, not the labels and not the Activation Keras puts last: it is the root cause and its
``units=1`` the fix (r389, keras-team/keras#5663).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

STEPS = 12
X = np.random.rand(32, STEPS, 1).astype("float32")
y = np.random.rand(32, STEPS, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(STEPS, 1)),
    layers.LSTM(8, return_sequences=True),
    layers.TimeDistributed(layers.Dense(STEPS, activation="relu")),
    layers.Activation("linear"),
])
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
'''


def test_the_wrapped_dense_behind_an_activation_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["id"] == "SD204" and finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "TimeDistributed(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].strip() == 'layers.TimeDistributed(layers.Dense(1, activation="relu")),'
