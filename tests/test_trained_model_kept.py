"""Labels that do not fit a model which trained on labels that did: the labels, never a model edit.

A regression model fitted on (n,) prices and then evaluated on (m, 3) "labels" (three feature columns
cut by mistake): ``mean_squared_error`` broadcasts (m, 3) against (None, 1) without an error. Widening
the output to 3 units would run, and would discard the training the evaluation was meant to measure;
the labels are the root cause and no model edit is shown (the lesson of r563).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 6)).astype("float32")
prices = rng.random(64).astype("float32")
model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, prices, epochs=1, verbose=0)
x_check = x[:16]
y_check = x[:16, :3]
print(model.evaluate(x_check, y_check, verbose=0))
'''


def test_the_labels_are_blamed_and_the_trained_model_kept(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["severity"] == "warning"
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y_check = x[:16, :3]")
    assert not any("Dense(3" in f["code"] for f in finding["fixes"])
    assert "already trained" in finding["explanation"]
