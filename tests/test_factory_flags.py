"""A model built by the user's helper whose on/off switches were left at the wrong setting (real Keras).

A TCN helper (r645) builds a softmax classifier or a linear regressor, over every step or the last one,
from two switches. Called for one real target per sequence with ``per_step=True`` and without
``as_regressor=True``, it compiles a sparse classification loss on real values. The helper's call is the
root cause; the fix sets both switches there, and setting one alone is shown disproved (its patched run
still broadcasts the per-step output against the labels).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def make_net(steps, width, per_step=False, as_regressor=False, classes=3):
    seq = keras.Input((steps, width))
    h = layers.Conv1D(8, 3, padding="causal", activation="relu")(seq)
    if not per_step:
        h = layers.GlobalAveragePooling1D()(h)
    if as_regressor:
        net = keras.Model(seq, layers.Dense(1)(h))
        net.compile(optimizer="adam", loss="mse")
    else:
        net = keras.Model(seq, layers.Dense(classes, activation="softmax")(h))
        net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return net


rng = np.random.default_rng(5)
series = rng.normal(size=(40, 12, 3)).astype("float32")
level = rng.random((40, 1)).astype("float32")
net = make_net(12, 3, per_step=True)
net.fit(series, level, epochs=1, verbose=0)
'''


def test_the_helper_call_gets_the_switches_that_fit_the_targets(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "net = make_net(")
    fixes = finding["fixes"]
    assert fixes[0]["code"] == "net = make_net(12, 3, per_step=False, as_regressor=True)"
    assert fixes[0]["proven"] and fixes[0]["verified"]
    alone = next(f for f in fixes if f["code"] == "net = make_net(12, 3, per_step=True, as_regressor=True)")
    assert not alone["verified"]
