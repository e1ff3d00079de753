"""A Flatten or global pooling the model makes in ``__init__`` and never calls (real Keras).

TensorFlow's advanced quickstart (r628): ``call`` skips ``x = self.flatten(x)``, the Dense layers act on
every pixel and the loss refuses (n, 26, 26, 10) logits against one class id per image. The labels are
right; the first Dense line of ``call`` is the cause and the fix calls the unused layer there, proven by
running the patched script. Here through ``fit`` (the tutorial's own loop is the benchmark case), and a
model that calls its Flatten is left to the other rules.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.features = layers.Conv2D(8, 3, activation="relu")
        self.pool = layers.GlobalAveragePooling2D()
        self.hidden = layers.Dense(16, activation="relu")
        self.logits = layers.Dense(4)

    def call(self, images):
        h = self.features(images)
        h = self.hidden(h)
        return self.logits(h)


net = Classifier()
net.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(np.random.rand(12, 10, 10, 3), np.random.randint(0, 4, (12,)), epochs=1, verbose=0)
'''


def test_the_first_dense_line_gets_the_unused_pooling(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "h = self.hidden(h)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "h = self.pool(h)", first
    written = written_and_run(run_cli, tmp_path)
    assert "        h = self.pool(h)\n        h = self.hidden(h)" in written


def test_a_model_that_calls_its_pooling_is_not_told_to_call_it(tmp_path):
    called = SCRIPT.replace("h = self.hidden(h)", "h = self.hidden(self.pool(h))").replace(
        "np.random.randint(0, 4, (12,))", "np.random.randint(0, 4, (12, 3))")
    report, _, proc = run_json(run_cli, tmp_path, called)
    assert proc.returncode == 1, proc.stderr
    assert not any("self.pool(h)" == f["code"] for f in report["findings"][0]["fixes"])
