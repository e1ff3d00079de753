"""One-hot labels for a sparse categorical loss, in a subclassed model fed a dataset (real Keras).

No layer records the failure (the model is subclassed and built inside ``fit``), so the finding is read from
Keras's rank error; the root cause is still the ``loss=`` line of ``compile`` and the fix compiles the
categorical loss, keeping ``from_logits=True``, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Scorer(keras.Model):
    def __init__(self):
        super().__init__()
        self.table = layers.Embedding(50, 8)

    def call(self, ids):
        return tf.reduce_sum(self.table(ids), axis=-1)


rows = np.tile(np.array([1, 0, 0, 0], "int64"), (32, 1))
ds = tf.data.Dataset.from_tensor_slices((np.arange(128).reshape(32, 4) % 50, rows)).batch(8)
model = Scorer()
model.compile(optimizer="adam",
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(ds, epochs=1, verbose=0)
'''


def test_the_compile_line_gets_the_categorical_loss(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "loss=keras.losses.SparseCategoricalCrossentropy")
    first = finding["fixes"][0]
    assert "loss=keras.losses.CategoricalCrossentropy(from_logits=True)" in first["code"] and first["proven"], first
