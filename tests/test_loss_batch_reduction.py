"""A hand-written loss that sums over the batch axis, trained with sample weights (real Keras).

keras-team/keras#10408: ``ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=0))`` returns one value per
output unit, which the batch's sample weights cannot multiply (``Dimensions must be equal, but are 4 and
16``, deep in the graph). The reduction's line is the root cause and ``axis=-1`` the fix, proven by
running the patched script (whose ``--quick`` run keeps one sample weight per kept sample) (r525).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(1)
x = rng.normal(size=(96, 10)).astype("float32")
y = rng.normal(size=(96, 4)).astype("float32")
weights = np.linspace(0.5, 1.5, num=96).astype("float32")


def distance(y_true, y_pred):
    return ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=0))


model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(8, activation="relu"), layers.Dense(4)])
model.compile(optimizer="adam", loss=distance)
model.fit(x, y, sample_weight=weights, batch_size=16, epochs=1, verbose=0)
'''


def test_the_reduction_over_the_batch_axis_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return ops.sqrt(")
    first = finding["fixes"][0]
    assert first["code"] == "return ops.sqrt(ops.sum(ops.square(y_pred - y_true), axis=-1))"
    assert first["verified"] and first["proven"]
    assert "axis=-1))\n" in written_and_run(run_cli, tmp_path)


def test_quick_runs_keep_one_sample_weight_per_kept_sample():
    import numpy as np

    from shapedoctor.trace.training import quick_kwargs

    x, y, w = np.zeros((96, 10)), np.zeros((96, 4)), np.ones(96)
    args, kwargs, _note = quick_kwargs("fit", (x, y), {"sample_weight": w, "epochs": 3}, samples=8)
    assert len(args[0]) == len(args[1]) == len(kwargs["sample_weight"]) == 8
