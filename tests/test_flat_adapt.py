"""A Normalization adapted on a 1-D column of one feature (real Keras).

TensorFlow's Auto MPG tutorial writes ``layers.Normalization(axis=None)`` for the horsepower column; without
``axis=None``, ``adapt`` on the (n,) array keeps one mean per sample, the (None, 1) inputs broadcast to (None, n)
and the Dense after it refuses them at ``fit`` (r1146). The normalizer's line is the root cause and ``axis=None``
the fix, proven by running the patched script; the finding no longer calls the Dense a reused layer.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
power = rng.uniform(50, 200, size=120).astype("float32")
mpg = (40 - 0.1 * power).astype("float32")
normalizer = layers.Normalization()
normalizer.adapt(power)
model = keras.Sequential([keras.Input(shape=(1,)), normalizer, layers.Dense(1)])
model.compile(optimizer="adam", loss="mae")
model.fit(power, mpg, epochs=1, verbose=0)
'''


def test_the_normalizer_gets_axis_none(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "normalizer = layers.Normalization()")
    assert finding["culprit"]["line"] == line and finding["id"] == "SD102"
    first = finding["fixes"][0]
    assert first["code"] == "normalizer = layers.Normalization(axis=None)" and first["verified"]


def test_a_column_adapted_as_n_by_1_is_valid(tmp_path):
    valid = SCRIPT.replace("normalizer.adapt(power)", "normalizer.adapt(power.reshape(-1, 1))")
    report, _, proc = run_json(run_cli, tmp_path, valid)
    assert proc.returncode == 0, proc.stderr
    assert not report["findings"]
