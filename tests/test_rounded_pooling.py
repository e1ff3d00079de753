"""An encoder-decoder whose pooling size does not divide the length it pools (real Keras; r693).

Pooled by p and upsampled by p, a length L that p does not divide comes back as (L // p) * p and the
reconstruction loss refuses it. The size is written where both layers read it (a module constant, or two
literals) and becomes the divisor of L nearest p, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

STEPS = 60
POOL = 7
signal_in = keras.Input(shape=(STEPS, 2))
h = layers.Conv1D(8, 5, padding="same", activation="relu")(signal_in)
h = layers.MaxPooling1D(POOL)(h)
h = layers.LSTM(8, return_sequences=True)(h)
h = layers.UpSampling1D(POOL)(h)
rebuilt = layers.Conv1D(2, 5, padding="same")(h)
autoencoder = keras.Model(signal_in, rebuilt)
autoencoder.compile(optimizer="adam", loss="mse")
waves = np.random.rand(24, STEPS, 2).astype("float32")
autoencoder.fit(waves, waves, batch_size=8, epochs=1, verbose=0)
print("ok")
'''


def _error(report: dict) -> dict:
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    return finding


def test_the_shared_pool_constant_becomes_the_nearest_divisor(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = _error(report)
    assert finding["culprit"]["line"] == line_of(SCRIPT, "POOL = 7")
    assert "60 // 7 = 8" in finding["explanation"]
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "POOL = 6"


def test_literal_sizes_are_both_written(tmp_path):
    literal = SCRIPT.replace("MaxPooling1D(POOL)", "MaxPooling1D(7)").replace("UpSampling1D(POOL)", "UpSampling1D(7)")
    report, _, proc = run_json(run_cli, tmp_path, literal)
    assert proc.returncode == 1, proc.stderr
    finding = _error(report)
    assert finding["culprit"]["line"] == line_of(literal, "h = layers.MaxPooling1D(7)(h)")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "h = layers.MaxPooling1D(6)(h)"
