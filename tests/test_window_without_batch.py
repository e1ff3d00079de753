"""One window given to ``predict`` without its batch axis (real Keras; r657).

Keras 3 reads a (steps, 1) window as steps samples of one step for a model on (batch, steps, 1); nothing
fails until the script reshapes the one forecast it expected. The line that made the window is the root
cause and gets its batch axis first in its indices, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

series = np.sin(np.arange(300) / 5).astype("float32")
windows = np.stack([series[i:i + 20] for i in range(200)])[..., np.newaxis]
model = keras.Sequential([keras.Input(shape=[None, 1]), keras.layers.SimpleRNN(8), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, series[20:220], epochs=1, verbose=0)
recent = series[-20:, np.newaxis]
for _ in range(3):
    step = model.predict(recent, verbose=0).reshape(1, 1, 1)
    recent = np.concatenate([recent[:, 1:], step], axis=1)
print(recent.shape)
'''


def test_a_window_without_its_batch_axis_gets_it_where_it_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["id"] == "SD201"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "recent = series[-20:, np.newaxis]")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "recent = series[np.newaxis, -20:, np.newaxis]"
