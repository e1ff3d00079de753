"""A positional table made for the longest sequence, added whole in a layer's call (real Keras).

Dive into Deep Learning's PositionalEncoding (r1138) adds ``self.P[:, :X.shape[1], :]``; written ``X + self.P``, a
(None, 12, 32) input meets the (1, 100, 32) table inside the layer. The addition's line is the root cause and
slicing the table to the input's length the fix, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class AddPositions(layers.Layer):
    def __init__(self, width, max_len=50, **kwargs):
        super().__init__(**kwargs)
        self.table = keras.ops.convert_to_tensor(np.random.rand(1, max_len, width).astype("float32"))

    def call(self, x):
        return x + self.table


tokens = keras.Input(shape=(10,), dtype="int32")
x = AddPositions(8)(layers.Embedding(40, 8)(tokens))
model = keras.Model(tokens, layers.Dense(1)(layers.GlobalAveragePooling1D()(x)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.randint(0, 40, (16, 10)), np.random.rand(16, 1), epochs=1, verbose=0)
'''


def test_the_table_is_sliced_to_the_input_length(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "return x + self.table")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "return x + self.table[:, :x.shape[1]]" and first["verified"]
