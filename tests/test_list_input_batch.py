"""A layer of several inputs whose compute_output_shape takes the first input's shape as the batch axis (real Keras).

strongio/keras-bert#24 (r1124): ``return (input_shape[0], self.output_size)`` in a layer called on three inputs;
Keras 3 refuses the declared shape while it builds the model ("Cannot convert '48' to a shape"). The return's
line is the root cause and ``input_shape[0][0]`` the fix, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Pooled(layers.Layer):
    def call(self, inputs):
        ids, mask = inputs
        return ops.sum(ops.cast(ids * mask, "float32")[..., None] * ops.ones((1, 1, 6)), axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], 6)


ids_in = keras.Input(shape=(8,), dtype="int32")
mask_in = keras.Input(shape=(8,), dtype="int32")
pooled = Pooled()([ids_in, mask_in])
model = keras.Model([ids_in, mask_in], layers.Dense(1)(pooled))
model.compile(optimizer="adam", loss="mse")
model.fit([np.ones((8, 8), "int32"), np.ones((8, 8), "int32")], np.zeros((8, 1)), epochs=1, verbose=0)
'''


def test_the_batch_item_of_the_declared_shape_indexes_the_first_input(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "return (input_shape[0], 6)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "return (input_shape[0][0], 6)" and first["verified"]
