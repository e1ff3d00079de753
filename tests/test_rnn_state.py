"""A decoder GRU started from a Bidirectional encoder's concatenated state (real Keras; ``run --json``).

Keras builds ``GRU(64)(x, initial_state=Bidirectional(GRU(64))(...))`` without a word and fails at
``fit`` inside the cell's MatMul (``Dimensions must be equal, but are 128 and 64``). The root cause is
the Bidirectional (merge_mode="concat" doubles the width); Deep Learning with Python sums the two
directions, and that fix is proven by running the patched script (r376).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

source = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(50, 8)(source)
encoder = layers.Bidirectional(layers.GRU(16))
state = encoder(x)
target = keras.Input(shape=(None,), dtype="int32")
y = layers.Embedding(50, 8)(target)
y = layers.GRU(16, return_sequences=True)(y, initial_state=state)
model = keras.Model([source, target], layers.Dense(50, activation="softmax")(y))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
tokens = np.random.randint(1, 50, (32, 7))
model.fit([tokens, tokens], tokens, epochs=1, verbose=0)
'''


def test_decoder_state_from_a_bidirectional_encoder_sums_the_directions(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    wrapper = line_of(SCRIPT, "encoder = layers.Bidirectional")
    assert finding["id"] == "SD102" and finding["culprit"]["line"] == wrapper
    assert finding["received"] == "(None, 32)" and finding["expected"] == "(None, 16)"
    first = finding["fixes"][0]
    assert first["code"] == 'encoder = layers.Bidirectional(layers.GRU(16), merge_mode="sum")' and first["proven"]
    assert any("layers.GRU(32, return_sequences=True)" in fix["code"] for fix in finding["fixes"][1:])
