"""A ``TimeDistributed(Dense(1))`` head for integer class labels per step (real Keras).

The labels hold classes 0 to 3 at every step; the head has one unit. The width fix is the wrapped
Dense's ``units``, written inside the wrapper (``TimeDistributed(layers.Dense(4, ...))``), not a
``units=`` keyword given to ``TimeDistributed`` itself, which Keras refuses.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

frames = np.random.rand(32, 6, 10).astype("float32")
tags = np.random.randint(0, 4, size=(32, 6))
inp = keras.Input(shape=(6, 10))
h = layers.LSTM(12, return_sequences=True)(inp)
out = layers.TimeDistributed(layers.Dense(1))(h)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(frames, tags, epochs=1, verbose=0)
'''


def test_the_wrapped_dense_gets_the_classes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "out = layers.TimeDistributed(layers.Dense(1))(h)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "out = layers.TimeDistributed(layers.Dense(4))(h)" and first["verified"]
