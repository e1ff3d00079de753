"""A Python generator that yields one (features, rating) example at a time (real Keras).

keras-team/keras#5393 (r502): ``yield vec, np.float32(rate)``. Keras reads each element as a
batch, so the features' first axis is taken for the batch axis and the scalar rating has none.
The ``yield`` is the root cause; the fix yields batches of one, ``np.expand_dims(..., 0)`` on
each item, verified on a training step and written so that the patched script runs.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras


def examples(n):
    rng = np.random.default_rng(0)
    while True:
        features = rng.random(n).astype("float32")
        yield features, np.float32(features.sum())


model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(examples(6), steps_per_epoch=5, epochs=1, verbose=0)
'''


def test_generator_yields_batches_of_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "yield features, np.float32(")
    fix = finding["fixes"][0]
    assert fix["verified"]
    assert fix["code"] == "yield np.expand_dims(features, 0), np.expand_dims(np.float32(features.sum()), 0)"
    assert "np.expand_dims(features, 0)" in written_and_run(run_cli, tmp_path)
