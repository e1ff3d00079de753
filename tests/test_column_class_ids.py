"""Class ids as a column, (N, 1), against an output that kept its time axis (real Keras).

Keras's sparse losses take one class id per sample as (N,) or (N, 1). A model whose last recurrent layer
still returns sequences gives (None, steps, classes); the labels are not a sequence of one position, the
output has an axis too many: the recurrent layer returns only its last step.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

clips = np.random.default_rng(3).random((20, 9, 6)).astype("float32")
actions = np.arange(20).reshape(20, 1) % 4

inp = keras.Input((9, 6))
h = layers.LSTM(12, return_sequences=True)(inp)
h = layers.LSTM(6, return_sequences=True)(h)
out = layers.Dense(4, activation="softmax")(h)
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(clips, actions, epochs=1, verbose=0)
'''


def test_the_last_recurrent_layer_returns_its_last_step(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD202"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "h = layers.LSTM(6, return_sequences=True)(h)")
    first = finding["fixes"][0]
    assert first["code"] == "h = layers.LSTM(6, return_sequences=False)(h)" and first["verified"]
