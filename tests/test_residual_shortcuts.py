"""Residual merges whose widths differ: the identity shortcut is the root cause, a 1x1 projection the fix.

Runs ``shapedoctor run --json`` on small real scripts (corpus case c039 in miniature).
"""

from __future__ import annotations

from conftest import report_of

HELPER = '''import numpy as np
import keras
from keras import layers


def block(x, filters):
    s = x
    x = layers.Conv1D(filters, 3, padding="same")(x)
    x = layers.Add()([x, s])
    return layers.MaxPool1D(2)(x)


inputs = keras.Input(shape=(64, 8))
x = block(inputs, {first})
x = block(x, 16)
model = keras.Model(inputs, x)
'''


def _run(cli, tmp_path, first: int) -> dict:
    script = tmp_path / "script.py"
    script.write_text(HELPER.format(first=first))
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_identity_shortcut_of_a_helper_is_the_root_cause_and_gets_a_1x1_projection(cli, tmp_path):
    finding = _run(cli, tmp_path, 8)  # the second call widens 8 -> 16 channels, the shortcut keeps 8
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 7 and finding["culprit"]["layer"] == "s"
    first = finding["fixes"][0]
    assert first["verified"] and "Conv1D(16, 1)(s)" in first["code"]


def test_a_shortcut_made_inside_the_helper_is_not_blamed_as_identity(cli, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(HELPER.format(first=8).replace("    s = x\n", "    s = layers.Conv1D(8, 1)(x)\n"))
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 7 and finding["culprit"]["class"] == "Conv1D"


POOLED_BLOCK = '''import numpy as np
import keras
from keras import layers

pics = keras.Input((20, 20, 3))
x = layers.Conv2D(8, 3, padding="same")(pics)
skip = x
x = layers.Conv2D(8, 3, padding="same")(x)
x = layers.AveragePooling2D(3, strides=2)(x)
skip = layers.Conv2D(8, 1, strides=2, padding="same")(skip)
x = layers.add([x, skip])
net = keras.Model(pics, layers.Dense(1)(layers.GlobalAveragePooling2D()(x)))
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, 20, 20, 3)), np.zeros((4, 1)), epochs=1, verbose=0)
'''


def test_a_valid_pooling_beside_a_same_padded_strided_shortcut_gets_same_padding(tmp_path):
    """Mini Xception (r679): MaxPooling2D(3, strides=2) makes 9 of 20 where the shortcut makes 10; the
    pooling is the layer that shrank, ``padding="same"`` on it comes first (verified and proven)."""
    from conftest import line_of, run_cli, run_json

    report, _, proc = run_json(run_cli, tmp_path, POOLED_BLOCK)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(POOLED_BLOCK, "x = layers.AveragePooling2D(3, strides=2)(x)")
    first = finding["fixes"][0]
    assert first["code"] == 'x = layers.AveragePooling2D(3, strides=2, padding="same")(x)' and first["proven"]
