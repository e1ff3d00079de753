"""A custom layer that joins its tensors on the batch axis before a kernel made for them side by side.

The Keras antirectifier (debugging-tips guide) joins relu(x) and relu(-x) with ``concat(..., axis=-1)``
and multiplies by a ``(2 * dim, dim)`` kernel. Written ``axis=0``, the product meets (2 * batch, dim)
rows: the join is the cause and ``axis=-1`` the fix; the kernel is right (r565). A kernel made the other
way round with no join is still the swapped-kernel rule's (test_kernel_layout).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Antirectifier(layers.Layer):
    def build(self, input_shape):
        dim = input_shape[-1]
        self.kernel = self.add_weight(shape=(dim * 2, dim), initializer="he_normal")

    def call(self, inputs):
        joined = ops.concatenate([ops.relu(inputs), ops.relu(-inputs)], axis=0)
        return ops.matmul(joined, self.kernel)


model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(16), Antirectifier(),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
rng = np.random.default_rng(0)
model.fit(rng.random((32, 20)).astype("float32"), rng.integers(0, 3, size=32), epochs=1, verbose=0)
'''


def test_the_join_on_the_batch_axis_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "joined = ops.concatenate(")
    first = finding["fixes"][0]
    assert first["code"] == "joined = ops.concatenate([ops.relu(inputs), ops.relu(-inputs)], axis=-1)"
    assert "axis=-1)" in written_and_run(run_cli, tmp_path)
