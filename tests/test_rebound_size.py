"""A size the model was built with, rebound afterwards (real Keras).

jnolis/banned-license-plates: the character model was trained with ``max_length = 7``; the generation
block set ``max_length = 6`` and predict refused the shorter windows (r449). The rebinding line is the
root cause and gets the built size back, proven by running the patched script; a script that keeps the
value is not flagged.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

window = 10
series = np.sin(np.arange(400) / 7.0).astype("float32")
x = np.stack([series[i:i + window] for i in range(300)])[..., None]
y = series[window:window + 300]
model = keras.Sequential([keras.Input(shape=(window, 1)), layers.Conv1D(4, 3, activation="relu"),
                          layers.Flatten(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)

window = 8  # a shorter context for the forecast
recent = series[-window:][None, :, None]
print(model.predict(recent, verbose=0).shape)
'''


def test_the_line_that_rebound_the_built_size_gets_it_back(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "window = 8")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "window = 10  # a shorter context for the forecast", first
    assert "window = 10  # a shorter" in written_and_run(run_cli, tmp_path)
