"""A hard-coded ``reshape(x, (-1, k))`` in a model's ``call`` folding positions into the batch (real Keras).

davidsandberg/facenet #244 (r599): a flatten written ``reshape(net, [-1, 896])`` is right only while the
pooled map is 1x1; on larger inputs the ``-1`` takes the extra positions into the batch axis and the loss
gets k times as many rows as labels. The reshape line is the cause; the fix is a ``Flatten()`` there,
proven by running the patched script, and it is the only fix shown (the labels are right).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Tagger(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(12, 3, strides=4, padding="same", activation="relu")
        self.pool = layers.MaxPooling2D(2)
        self.head = layers.Dense(5, activation="softmax")

    def call(self, images):
        feats = self.pool(self.conv(images))
        feats = ops.reshape(feats, (-1, 12))
        return self.head(feats)


rng = np.random.default_rng(7)
model = Tagger()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(rng.random((20, 32, 32, 3)).astype("float32"), rng.integers(0, 5, size=20), batch_size=10, verbose=0)
'''


def test_the_folding_reshape_is_the_cause_and_becomes_a_flatten(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "feats = ops.reshape(feats, (-1, 12))")
    assert [(f["code"], f["verified"]) for f in finding["fixes"]] == [("feats = layers.Flatten()(feats)", True)]
