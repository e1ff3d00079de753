"""A Normalization layer given one mean and variance for features on different scales (real Keras, silent).

mlflow/mlflow quickstart thread (r458): ``Normalization(mean=np.mean(x), variance=np.var(x))`` over 11
wine features runs and normalizes nothing useful. The lines that computed the statistics are the cause
and ``axis=0`` the fix, proven by running the patched script. Statistics of features on one scale, and
per-feature statistics, stay silent.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(0)
table = rng.random((200, 3)).astype("float32") * np.array([1.0, 50.0, 900.0], dtype="float32")
target = table.sum(axis=1)
mu = np.mean(table)
sigma2 = np.var(table)
model = keras.Sequential([keras.Input((3,)), keras.layers.Normalization(mean=mu, variance=sigma2), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(table, target, epochs=1, verbose=0)
'''


def test_the_global_statistics_get_axis_0(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "mu = np.mean(table)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "mu = np.mean(table, axis=0)\nsigma2 = np.var(table, axis=0)", first


def test_per_feature_or_same_scale_statistics_stay_silent(tmp_path):
    for script in (SCRIPT.replace("np.mean(table)", "np.mean(table, axis=0)").replace("np.var(table)",
                                                                                     "np.var(table, axis=0)"),
                   SCRIPT.replace("np.array([1.0, 50.0, 900.0]", "np.array([1.0, 2.0, 3.0]")):
        report, _, proc = run_json(run_cli, tmp_path, script)
        assert proc.returncode == 0 and report["status"] == "ok", report["findings"]
