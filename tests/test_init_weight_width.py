"""A user layer that makes its kernel in ``__init__`` from a width parameter left at its default (real Keras).

``Projection(units, in_features=16)`` creates its (in_features, units) kernel before it sees any input;
a subclassed model that makes ``Projection(8)`` for 24-feature rows keeps the (16, 8) kernel and the
matmul fails inside the layer during ``fit``. The root cause is the constructor call without the width;
the fix passes it, ``Projection(8, in_features=24)``, proven by running the patched script. With the width
passed the script trains.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import ops


class Projection(keras.layers.Layer):
    def __init__(self, units, in_features=16):
        super().__init__()
        self.kernel = self.add_weight(shape=(in_features, units), initializer="glorot_uniform")

    def call(self, x):
        return ops.matmul(x, self.kernel)


class Scorer(keras.Model):
    def __init__(self):
        super().__init__()
        self.first = Projection(8)
        self.second = Projection(1, in_features=8)

    def call(self, x):
        return self.second(ops.relu(self.first(x)))


features = np.random.rand(40, 24).astype("float32")
scores = np.random.rand(40, 1).astype("float32")
model = Scorer()
model.compile(optimizer="adam", loss="mse")
model.fit(features, scores, epochs=1, batch_size=8, verbose=0)
print("trained")
'''


def test_the_constructor_call_gets_the_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.first = Projection(8)")
    assert [f["code"] for f in finding["fixes"]] == ["self.first = Projection(8, in_features=24)"]
    assert finding["fixes"][0]["proven"]


def test_with_the_width_passed_it_trains(tmp_path):
    fixed = SCRIPT.replace("Projection(8)", "Projection(8, in_features=24)")
    report, out, proc = run_json(run_cli, tmp_path, fixed)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
