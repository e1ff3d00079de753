"""When `fit`'s data and the declared input disagree and only a new declaration verifies (real Keras).

The declaration is the root cause when the data holds at least as many values per sample as declared
and the sizes that differ are written as numbers (``input_shape=(28 + 28,)`` for 784 pixels, r475).
A size written with a name is a design choice the data must follow (reviews padded to 80 for a model
of ``maxlen = 50``, r194), and data with fewer values than declared (a generator's 224-pixel images
for a 256-pixel model, r036) keeps its own line: both stay as they were (the realworld benchmark).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

NUMBERS = '''import numpy as np
import keras

pixels = np.random.default_rng(0).random((60, 8, 8)).astype("float32").reshape((60, 8 * 8))
digits = np.arange(60) % 3
model = keras.Sequential([keras.layers.Dense(16, activation="relu", input_shape=(8 + 8,)),
                          keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(pixels, digits, epochs=1, verbose=0)
'''



def test_a_declaration_written_in_numbers_for_less_than_the_data_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, NUMBERS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(NUMBERS, "input_shape=(8 + 8,)")
    assert "input_shape=(64,)" in finding["fixes"][0]["code"]



ROWS = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
readings = rng.random((90, 6)).astype("float32")
targets = rng.random((90, 2)).astype("float32")
train_x, train_y = readings[:60], targets[:60]
model = keras.Sequential([layers.Dense(16, activation="relu", input_shape=(train_x.shape[0],)), layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.fit(train_x, train_y, epochs=1, verbose=0)
'''


def test_a_declaration_that_reads_the_number_of_samples_is_the_root_cause(tmp_path):
    """The EEG example's ``input_shape=(data_train.shape[0],)`` (r1023): the rows counted as features. The
    declared size (60) is more than the data has per sample (6), and it is written with a name, yet the
    number of samples is never a feature size: the declaration is the culprit."""
    report, _, proc = run_json(run_cli, tmp_path, ROWS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(ROWS, "input_shape=(train_x.shape[0],)")
    first = finding["fixes"][0]
    assert first["verified"] and "input_shape=(6,)" in first["code"]


ROWS_WRITTEN_OVER_LINES = ROWS.replace(
    'layers.Dense(16, activation="relu", input_shape=(train_x.shape[0],))',
    'layers.Dense(\n    16,\n    activation="relu",\n    input_shape=(train_x.shape[0],),\n)')


def test_a_declaration_written_over_several_lines_is_located_at_its_keyword(tmp_path):
    """The same declaration in a ``Dense(`` call written one argument per line (the EEG example's layout):
    the root cause is the ``input_shape=`` line, the one the user edits, not the call's first line."""
    assert ROWS_WRITTEN_OVER_LINES != ROWS
    report, _, proc = run_json(run_cli, tmp_path, ROWS_WRITTEN_OVER_LINES)
    assert proc.returncode == 1, proc.stderr
    culprit = report["findings"][0]["culprit"]
    assert culprit["line"] == line_of(ROWS_WRITTEN_OVER_LINES, "input_shape=(train_x.shape[0],),")
    assert culprit["line"] != line_of(ROWS_WRITTEN_OVER_LINES, "layers.Dense(")
