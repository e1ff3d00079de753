"""Forecast targets taken from the whole table while the script names the column forecast (real Keras; r707).

A ``Dense(1)`` forecaster trained on ``targets=table[lag:]`` compares one value with every column (mse
broadcasts silently). The script binds the column it means (``level = table[:, 2]``): the targets are
rewritten on it wherever they are taken from the table, proven by running the patched script; widening the
output, which would also run, is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

table = np.random.rand(400, 3).astype("float32")
level = table[:, 2].copy()
sampling_rate = 3
lag = 12
train = keras.utils.timeseries_dataset_from_array(table[:-lag], targets=table[lag:], sequence_length=8,
                                                  sampling_rate=sampling_rate, batch_size=32)
inputs = keras.Input(shape=(8, 3))
model = keras.Model(inputs, layers.Dense(1)(layers.GRU(8)(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit(train, epochs=1, verbose=0)
print("trained")
'''


def test_targets_from_the_whole_table_become_the_named_column(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    [finding] = [f for f in report["findings"] if f["id"] == "SD204"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "train = keras.utils.timeseries_dataset_from_array(")
    [fix] = finding["fixes"]
    assert fix["proven"] and "targets=level[lag:]" in fix["code"]
