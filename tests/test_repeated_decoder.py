"""A RepeatVector(T) decoder that returns only its last step against (n, T) labels (real Keras; r726).

The labels hold one value per output step; the encoding is repeated once per step for a recurrent
decoder that, without ``return_sequences=True``, returns only its last state: the Dense(1) head gives
(None, 1) and mse silently stretches it over the T labels. The decoder is the root cause and its
``return_sequences=True`` comes first, verified with Keras.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(7)
history = rng.normal(size=(64, 10, 3)).astype("float32")
next_four = rng.normal(size=(64, 4)).astype("float32")
past = keras.Input(shape=(10, 3))
summary = layers.LSTM(16)(past)
repeated = layers.RepeatVector(4)(summary)
decoded = layers.LSTM(16)(repeated)
forecast = layers.Dense(1)(decoded)
model = keras.Model(past, forecast)
model.compile(optimizer="adam", loss="mse")
model.fit(history, next_four, batch_size=16, epochs=1, verbose=0)
print(model.predict(history[:2], verbose=0).shape)
'''


def test_the_decoder_keeps_its_steps(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["id"] == "SD204" and finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "decoded = layers.LSTM(16)(repeated)")
    fix = finding["fixes"][0]
    assert fix["verified"] and fix["code"] == "decoded = layers.LSTM(16, return_sequences=True)(repeated)"
