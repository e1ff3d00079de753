"""A one-value fix repeated on every line that writes the same mistake (real Keras, proven).

keras-team/keras#7377 (r500): a U-Net ported from channels-first keeps ``Concatenate(axis=1)`` on
both skip connections. The build stops at the first; ``axis=-1`` there is disproved by its
patched script (the second join fails), and the same change on both lines is proven. A line that
writes another value is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input((16, 16, 1))
c1 = layers.Conv2D(8, 3, padding="same")(inputs)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(16, 3, padding="same")(p1)
u1 = layers.UpSampling2D()(c2)
m1 = layers.Concatenate(axis=1)([u1, c1])
c3 = layers.Conv2D(4, 3, padding="same")(m1)
m2 = layers.Concatenate(axis=1)([c3, c1])
flat = layers.Flatten()(inputs)
side = layers.Concatenate(axis=-1)([flat, flat])
model = keras.Model(inputs, [layers.Conv2D(1, 1)(m2), side])
model.predict(np.zeros((2, 16, 16, 1)), verbose=0)
'''


def test_the_same_axis_is_fixed_on_both_joins(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "m1 = layers.Concatenate(axis=1)")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"].splitlines() == [
        "m1 = layers.Concatenate(axis=-1)([u1, c1])", "m2 = layers.Concatenate(axis=-1)([c3, c1])"]
