"""A residual block helper whose first call changes the number of channels without projecting the shortcut
(real Keras; silent).

Deep Learning with Python, chapter 9: ``residual_block(x, filters, pooling)`` projects the shortcut when
it pools, and ``elif filters != residual.shape[-1]`` otherwise. Without that branch the first block adds
its 32 channels to the 1-channel input: Add broadcasts without an error. The merge's line is the root
cause, and the projection is written there only where the widths differ, with the branch's own name for
its width, so the helper's other calls keep working; proven (r462). Giving the branch one channel is no
first fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def residual_block(x, filters, pooling=False):
    residual = x
    x = layers.Conv2D(filters, 3, activation="relu", padding="same")(x)
    if pooling:
        x = layers.MaxPooling2D(2, padding="same")(x)
        residual = layers.Conv2D(filters, 1, strides=2)(residual)
    x = layers.add([x, residual])
    return x


inputs = keras.Input(shape=(16, 16, 1))
x = residual_block(inputs, filters=8)
x = residual_block(x, filters=16, pooling=True)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(32, 16, 16, 1), np.random.randint(0, 2, 32), epochs=1, verbose=0)
'''


def test_the_shortcut_is_projected_where_the_widths_differ(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD205"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = layers.add([x, residual])")
    first = finding["fixes"][0]
    assert first["code"] == ("if residual.shape[-1] != filters:\n"
                             "    residual = layers.Conv2D(filters, 1)(residual)")
    assert first["proven"]
