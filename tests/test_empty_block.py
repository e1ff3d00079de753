"""A block of the data that came out empty, zero columns joined beside the others (real Keras; r698).

The model is built for numeric features next to an embedding of each row's category; the embedding
table chosen has no columns, so the joined rows are too narrow and the first Dense refuses them.
The root cause is the line that bound the empty table, not the data line; shrinking the model's
input (which would drop the block) is withdrawn, and a sibling entry of the table's dict with the
missing width is offered, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(3)
TABLES = {
    "tiny": np.zeros((20, 0), "float32"),
    "full": rng.normal(size=(20, 6)).astype("float32"),
}
numeric = rng.normal(size=(64, 5)).astype("float32")
category = rng.integers(0, 20, size=64)
table = TABLES["tiny"]
rows = np.concatenate([numeric, table[category]], axis=1)
model = keras.Sequential([keras.Input(shape=(11,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(rows, rng.normal(size=(64, 1)), epochs=1, verbose=0)
print(model.predict(rows[:2], verbose=0).shape)
'''


def test_the_empty_table_is_the_root_cause_and_its_full_sibling_the_fix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["id"] == "SD201"
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'table = TABLES["tiny"]')
    assert all("Input(" not in fix["code"] for fix in finding["fixes"])
    fix = finding["fixes"][0]
    assert fix["proven"] and fix["code"] == 'table = TABLES["full"]'


def test_without_a_sibling_only_the_root_cause_is_named(tmp_path):
    script = SCRIPT.replace('"full": rng.normal(size=(20, 6))', '"full": rng.normal(size=(20, 4))')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(script, 'table = TABLES["tiny"]')
    assert all("Input(" not in fix["code"] and "TABLES[" not in fix["code"] for fix in finding["fixes"])


def test_a_block_that_is_only_narrower_is_not_called_empty(tmp_path):
    script = SCRIPT.replace('np.zeros((20, 0), "float32")', 'np.zeros((20, 3), "float32")')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] != line_of(script, 'table = TABLES["tiny"]')
    assert "empty" not in finding["message"]
