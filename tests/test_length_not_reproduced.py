"""An autoencoder whose strides cannot give back the window length it is trained on (real Keras).

Windows of WINDOW = 30 steps go through two stride-2 convolutions and two stride-2 transposed ones with
``padding="same"``: 30 -> 15 -> 8 -> 16 -> 32, and the loss refuses 32 steps against 30. The window length
is the root cause; the fix is the nearest length the model gives back (32, then 28), asked of Keras's
layers, written on the binding and proven. A length the strides divide trains as it is.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

WINDOW = 30
series = np.sin(np.arange(400) / 7.0).astype("float32")
windows = np.stack([series[i:i + WINDOW] for i in range(0, 300, 5)])[..., None]
model = keras.Sequential([
    keras.Input(shape=(WINDOW, 1)),
    layers.Conv1D(8, 5, strides=2, padding="same", activation="relu"),
    layers.Conv1D(4, 5, strides=2, padding="same", activation="relu"),
    layers.Conv1DTranspose(4, 5, strides=2, padding="same", activation="relu"),
    layers.Conv1DTranspose(8, 5, strides=2, padding="same", activation="relu"),
    layers.Conv1D(1, 5, padding="same"),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, windows, epochs=1, verbose=0)
'''


def test_the_window_length_is_made_one_the_strides_give_back(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "WINDOW = 30")
    assert [f["code"] for f in finding["fixes"]] == ["WINDOW = 32", "WINDOW = 28"]
    assert finding["fixes"][0]["proven"]


def test_a_length_the_strides_divide_trains(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT.replace("WINDOW = 30", "WINDOW = 32"))
    assert proc.returncode == 0 and report["findings"] == [], proc.stderr
