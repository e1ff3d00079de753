"""One layer object of the user's own class shared by inputs of two widths (real Keras).

keras-pos-embd#5 (r1117): a ``PositionEmbedding(window, 4)`` in add mode is called on a 4-feature and a
2-feature input; its ``compute_output_shape`` lets the model build and ``fit`` fails inside the layer. The
second call is the root cause (SD106, not the data) and a layer of its own made for 2 the fix, proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class AddPositions(layers.Layer):
    def __init__(self, steps, width, **kwargs):
        super().__init__(**kwargs)
        self.steps, self.width = steps, width

    def build(self, input_shape):
        self.table = self.add_weight(shape=(self.steps, self.width), name="table")

    def compute_output_shape(self, input_shape):
        return input_shape

    def call(self, x):
        return x + ops.expand_dims(self.table, 0)


a_in, b_in = keras.Input(shape=(6, 4)), keras.Input(shape=(6, 2))
positions = AddPositions(6, 4)
a = positions(a_in)
b = positions(b_in)
merged = layers.concatenate([layers.Flatten()(a), layers.Flatten()(b)])
model = keras.Model([a_in, b_in], layers.Dense(1)(merged))
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(8, 6, 4), np.random.rand(8, 6, 2)], np.random.rand(8, 1), epochs=1, verbose=0)
'''


def test_the_second_call_gets_a_layer_of_its_own(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "b = positions(b_in)")
    assert finding["culprit"]["line"] == line and finding["id"] == "SD106"
    first = finding["fixes"][0]
    assert first["code"] == "b = AddPositions(6, 2)(b_in)" and first["verified"]
