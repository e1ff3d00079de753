"""A "last window" cut with a constant start index, too short for the model's window (real Keras + NumPy).

The script seeds a forecast with ``series[40:]`` of a 58-row series: 18 rows where the model takes windows
of 16, so the NumPy reshape to (1, 16, 1) fails. The slice is the root cause; the fix counts from the end
with the script's own name for the window length, proven by running the patched script. A slice that
already holds the right number of rows is not blamed.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

WINDOW = 16
series = np.linspace(0.0, 1.0, 58).reshape(-1, 1)
model = keras.Sequential([keras.Input(shape=(WINDOW, 1)), layers.GRU(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
seed = series[40:]
print(model.predict(seed.reshape((1, WINDOW, 1)), verbose=0).shape)
'''


def test_the_constant_start_counts_from_the_end(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "seed = series[40:]")
    first = finding["fixes"][0]
    assert first["code"] == "seed = series[-WINDOW:]" and first["proven"]


def test_a_slice_of_the_right_length_is_not_blamed(tmp_path):
    script = SCRIPT.replace("series[40:]", "series[42:]").replace("(1, WINDOW, 1)", "(1, WINDOW + 1, 1)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert (finding.get("culprit") or {}).get("line") != line_of(script, "seed = series[42:]")
