"""Data reshaped with its sizes in another order than the model declares (real Keras; r697).

One recording of STEPS steps reshaped ``(STEPS, 1, CHANNELS)`` is STEPS samples of one step for an
autoencoder declared on ``(STEPS, CHANNELS)``; the reshape's own arguments, reordered, give the declared
sample. The fix is proven by running the patched script. With labels that are another array (whose count
would no longer pair), nothing is reordered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

STEPS, CHANNELS = 50, 3
series_in = keras.Input(shape=(STEPS, CHANNELS))
h = layers.Conv1D(4, 5, padding="same")(series_in)
model = keras.Model(series_in, layers.Conv1D(CHANNELS, 5, padding="same")(h))
model.compile(optimizer="adam", loss="mse")
trace = np.random.rand(STEPS, CHANNELS).astype("float32")
X = trace.reshape(STEPS, 1, CHANNELS)
model.fit(X, X, batch_size=1, epochs=1, verbose=0)
print("ok")
'''


def test_a_reshape_in_another_order_is_written_in_the_declared_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "X = trace.reshape(")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "X = trace.reshape(1, STEPS, CHANNELS)"


def test_other_labels_keep_the_reshape_as_it_is(tmp_path):
    other = SCRIPT.replace("model.fit(X, X,", "model.fit(X, np.random.rand(STEPS, STEPS, CHANNELS),")
    report, _, proc = run_json(run_cli, tmp_path, other)
    assert proc.returncode == 1, proc.stderr
    codes = [f["code"] for f in report["findings"][0]["fixes"]]
    assert "X = trace.reshape(1, STEPS, CHANNELS)" not in codes
