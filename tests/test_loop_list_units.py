"""A Dense built in a helper's loop over a list of sizes, before a residual Add (real Keras; r709).

keras-io's ``mlp(x, hidden_units, dropout_rate)`` builds one Dense per size; a list whose last size is not
the stream's width makes the residual ``Add`` refuse. The merge's odd input is the branch computed from
the shortcut (the MLP), and the fix is written in the list the loop reads: the two sizes swapped when the
size wanted is already there, else that entry; proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

width = 12
block_units = [width, width * 4]


def feed_forward(x, hidden_units):
    for units in hidden_units:
        x = layers.Dense(units, activation="relu")(x)
    return x


tokens = keras.Input(shape=(6, width))
h = layers.LayerNormalization()(tokens)
h = layers.Add()([feed_forward(h, block_units), h])
model = keras.Model(tokens, layers.Dense(1)(layers.GlobalAveragePooling1D()(h)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 6, width), np.random.rand(16, 1), epochs=1, verbose=0)
print("ok")
'''


def _error(report: dict) -> dict:
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    return finding


def test_sizes_written_in_the_wrong_order_are_swapped_in_the_list(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = _error(report)
    assert finding["culprit"]["line"] == line_of(SCRIPT, "block_units = [")
    assert "The odd input comes from `dense_1`" in finding["explanation"]
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "block_units = [width * 4, width]"


def test_a_size_not_in_the_list_is_written_in_its_entry(tmp_path):
    other = SCRIPT.replace("block_units = [width, width * 4]", "block_units = [width * 2, width * 4]")
    report, _, proc = run_json(run_cli, tmp_path, other)
    assert proc.returncode == 1, proc.stderr
    first = _error(report)["fixes"][0]
    assert first["proven"] and first["code"] == "block_units = [width * 2, 12]"
