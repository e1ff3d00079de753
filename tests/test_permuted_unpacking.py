"""A function's outputs unpacked in another order than it returns them (real Keras).

TensorFlow's audio transfer-learning tutorial (r612): YAMNet returns ``scores, embeddings, spectrogram``
and the map function unpacks ``embeddings, scores, spectrogram``; the classifier declared for the 1024-wide
embeddings gets the 521 scores. The unpacking is the cause and the function's own order the fix, proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def describe(rows):
    features = rows * 2.0
    summary = rows.mean(axis=1, keepdims=True)
    return features, summary


raw = np.random.rand(20, 6).astype("float32")
summary, features = describe(raw)
net = keras.Sequential([keras.Input((6,)), layers.Dense(1)])
net.compile(loss="mse", optimizer="adam")
net.fit(features, np.random.rand(20, 1), epochs=1, verbose=0)
'''


def test_the_unpacking_takes_the_functions_order(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "summary, features = describe(raw)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "features, summary = describe(raw)", first
