"""A generator yields (x, y) to a model of two inputs and two outputs made of those arrays (real Keras).

A CapsNet-like model takes the image and its label as inputs and gives the label's lengths and the
image's reconstruction: its generator must yield ``(x, y), (y, x)``. Yielding ``x, y`` fails with
"expects 2 named input(s)"; the ``yield`` is the root cause and its regrouped form the fix,
verified on a training step (r395, XifengGuo/CapsNet-Keras#51).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

x_train = np.random.rand(32, 6, 6, 1).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, 4, size=32), 4)


def batches(x, y, size):
    while True:
        for i in range(0, len(x), size):
            xb, yb = x[i:i + size], y[i:i + size]
            yield xb, yb


image = keras.Input(shape=(6, 6, 1), name="image")
label = keras.Input(shape=(4,), name="label")
h = layers.Dense(8)(layers.Flatten()(image))
scores = layers.Dense(4, name="scores")(h)
recon = layers.Reshape((6, 6, 1), name="recon")(layers.Dense(36)(layers.Concatenate()([h, label])))
model = keras.Model([image, label], [scores, recon])
model.compile(optimizer="adam", loss=["mse", "mse"])
model.fit(batches(x_train, y_train, 8), steps_per_epoch=2, epochs=1, verbose=0)
'''


def test_the_yield_is_regrouped_into_inputs_and_targets(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "yield xb, yb")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "yield (xb, yb), (yb, xb)"
    assert first["checks"].get("reaches_end") is True
