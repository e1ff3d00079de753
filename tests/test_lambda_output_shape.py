"""A Lambda whose declared ``output_shape`` is not what its function returns (real Keras, r664).

Keras 3 trusts ``Lambda(fn, output_shape=...)`` while it builds a functional model, so the next layer
is built for the declared shape and refuses the real tensor only when data flows. The Lambda's line is
the root cause, the fix declares the shape the function returns, proven by running the patched script.
A Lambda that declares its shape right, and one without output_shape, are left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


def spread(parts):
    low, high = parts
    return ops.max(high - low, axis=-1, keepdims=True)


def spread_shape(shapes):
    return shapes[0]


low_in = keras.Input(shape=(12,))
high_in = keras.Input(shape=(12,))
gap = layers.Lambda(spread, output_shape=spread_shape)([low_in, high_in])
scaled = layers.LayerNormalization()(gap)
risk = layers.Dense(1, activation="sigmoid")(scaled)
model = keras.Model([low_in, high_in], risk)
model.compile(optimizer="adam", loss="binary_crossentropy")
rng = np.random.default_rng(4)
lows, highs = rng.random((64, 12)), rng.random((64, 12)) + 1.0
model.fit([lows, highs], rng.integers(0, 2, (64, 1)), batch_size=8, epochs=1, verbose=0)
print(model.predict([lows[:2], highs[:2]], verbose=0).shape)
'''


def test_the_lambda_that_declares_another_shape_is_the_root_cause_and_declares_the_real_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["id"] == "SD102"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "gap = layers.Lambda(")
    assert "declares its output as (None, 12)" in finding["explanation"]
    assert "`spread` returns (8, 1)" in finding["explanation"]
    [row] = [s for s in finding["path"] if s["class"] == "Lambda"]
    assert row["output_shape"] == "(8, 1)"
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "gap = layers.Lambda(spread, output_shape=(1,))([low_in, high_in])"
    written = written_and_run(run_cli, tmp_path)
    assert "output_shape=(1,)" in written


def test_a_lambda_declared_right_or_not_declared_is_not_blamed(tmp_path):
    for fixed in ("output_shape=(1,)", "output_shape=lambda shapes: (shapes[0][0], 1)"):
        right = SCRIPT.replace("output_shape=spread_shape", fixed)
        report, _, proc = run_json(run_cli, tmp_path, right)
        assert proc.returncode == 0 and report["status"] == "ok", (fixed, proc.stdout[-2000:], proc.stderr[-2000:])
    # the model refuses the data itself: the Lambda that declared its shape right is not the cause
    wide = SCRIPT.replace("output_shape=spread_shape", "output_shape=(1,)").replace(
        "lows, highs = rng.random((64, 12)), rng.random((64, 12)) + 1.0",
        "lows, highs = rng.random((64, 10)), rng.random((64, 10)) + 1.0")
    report, _, proc = run_json(run_cli, tmp_path, wide)
    assert proc.returncode == 1, proc.stderr
    culprits = [f["culprit"]["line"] for f in report["findings"] if f.get("culprit")]
    assert line_of(wide, "gap = layers.Lambda(") not in culprits
