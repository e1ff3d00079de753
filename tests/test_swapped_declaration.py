"""An input declared with its named sizes in the wrong order (real Keras): the declaration is the cause.

MachineLearningMastery's LSTM-reshaping tutorial (r1068): the data is ``(samples, n_steps, n_features)`` and
a new sample is reshaped to ``(1, n_steps, n_features)``, but the input is declared ``(n_features, n_steps)``.
Transposing the data would also build, and feed features as time steps: the declaration is swapped, and
trading the values of ``n_steps`` and ``n_features`` where they are written would change what the names mean.
Data laid out wrong under a right declaration keeps its data fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

n_rows, n_steps, n_features = 40, 6, 3
rng = np.random.default_rng(1)
readings = np.stack([rng.random((n_rows, n_steps)) for _ in range(n_features)], axis=-1)
totals = readings.sum(axis=(1, 2))

model = keras.Sequential([keras.Input(shape=(n_features, n_steps)), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(readings, totals, epochs=1, verbose=0)
print(model.predict(readings[0].reshape((1, n_steps, n_features)), verbose=0))
'''


def test_named_sizes_written_elsewhere_in_the_datas_order_blame_the_declaration(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "keras.Input(shape=(n_features, n_steps))")
    codes = [f["code"] for f in finding["fixes"]]
    assert "shape=(n_steps, n_features)" in codes[0] and finding["fixes"][0]["verified"]
    assert not any("transpose" in c for c in codes), codes
    assert not any(c.startswith("n_rows, n_steps, n_features =") for c in codes), codes


def test_names_that_say_features_before_steps_blame_the_declaration_of_a_recurrent_model(tmp_path):
    script = SCRIPT.replace("print(model.predict(readings[0].reshape((1, n_steps, n_features)), verbose=0))\n", "")
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "keras.Input(shape=(n_features, n_steps))")
    assert "shape=(n_steps, n_features)" in finding["fixes"][0]["code"]


def test_data_laid_out_features_first_under_a_right_declaration_keeps_its_data_fix(tmp_path):
    script = (SCRIPT.replace("keras.Input(shape=(n_features, n_steps))", "keras.Input(shape=(n_steps, n_features))")
              .replace("axis=-1)", "axis=1)")
              .replace("print(model.predict(readings[0].reshape((1, n_steps, n_features)), verbose=0))\n", ""))
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(script, "keras.Input(shape=(n_steps, n_features))")
    assert any("transpose" in f["code"] for f in finding["fixes"])
