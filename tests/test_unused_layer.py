"""A layer the model makes and never calls, skipped before a residual sum (real Keras).

TensorFlow's SNGP tutorial (r608): ``DeepResNet`` projects its inputs with ``self.input_layer`` before
adding residuals; ``hidden = inputs`` leaves the projection out and ``hidden += resid`` adds (n, 2) to
(n, 128). That line is the cause, and the fix passes the input through the unused layer, proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Residual(keras.Model):
    def __init__(self, width=32, **kwargs):
        super().__init__(**kwargs)
        self.project = layers.Dense(width)
        self.blocks = [layers.Dense(width, activation="relu") for _ in range(2)]
        self.out = layers.Dense(3)

    def call(self, inputs):
        h = inputs
        for block in self.blocks:
            h = h + block(h)
        return self.out(h)


rng = np.random.default_rng(0)
model = Residual()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(rng.random((40, 4)).astype("float32"), rng.integers(0, 3, size=40), epochs=1, verbose=0)
'''


def test_the_skipped_projection_is_applied(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "        h = inputs")
    assert [(f["code"], f["verified"]) for f in finding["fixes"]] == [("h = self.project(inputs)", True)]
    assert not any(step["role"] == "culprit" for step in finding["path"])  # the data row is not the cause
