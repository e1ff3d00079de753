"""Validation labels cut from the features in a K-fold loop, silently broadcast (real Keras).

Deep Learning with Python's K-fold validation cuts ``val_data = train_data[a:b]`` and ``val_targets =
train_targets[a:b]``. With the second line left on the features, ``evaluate`` gets (n, 8) "labels" for
a (None, 1) output and ``mean_squared_error`` broadcasts them without an error. The labels' line is the
cause and the fix cuts them from the targets, as the fold's training lines do; the model trained on its
real targets and is not touched (r563).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
features = rng.normal(size=(80, 5)).astype("float32")
prices = rng.random(80).astype("float32")

k, size = 2, 40
for i in range(k):
    val_x = features[i * size:(i + 1) * size]
    val_y = features[i * size:(i + 1) * size]
    part_x = np.concatenate([features[:i * size], features[(i + 1) * size:]])
    part_y = np.concatenate([prices[:i * size], prices[(i + 1) * size:]])
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(part_x, part_y, epochs=1, verbose=0)
    print(model.evaluate(val_x, val_y, verbose=0))
'''


def test_the_labels_are_cut_from_the_targets(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr  # a finding, though the script ran
    finding = report["findings"][0]
    assert finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "val_y = features[")
    assert [f["code"] for f in finding["fixes"]] == ["val_y = prices[i * size:(i + 1) * size]"]
    assert "val_y = prices[i * size:(i + 1) * size]" in written_and_run(run_cli, tmp_path)
