"""A Bidirectional recurrent layer that still returns every step before a per-sample head (real Keras).

The wrapped LSTM's ``return_sequences=True`` keeps the time axis, so the output is one prediction per
step against one label per sample. The fix edits the layer inside the wrapper, verified on a clone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

reviews = np.random.default_rng(5).integers(1, 50, size=(24, 10))
liked = np.arange(24) % 2

net = keras.Sequential([
    keras.Input((10,)),
    layers.Embedding(50, 8),
    layers.Bidirectional(layers.LSTM(6, return_sequences=True)),
    layers.Dense(1, activation="sigmoid"),
])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(reviews, liked, epochs=1, verbose=0)
'''


def test_the_layer_inside_the_wrapper_returns_its_last_step(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Bidirectional(layers.LSTM(6")
    first = finding["fixes"][0]
    assert first["code"] == "layers.Bidirectional(layers.LSTM(6, return_sequences=False))," and first["verified"]
