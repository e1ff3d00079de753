"""A channel axis added at the wrong place (real Keras): the line that adds it, with the model's position.

keras-io's ViViT on grayscale volumes (r1064): ``np.expand_dims(videos, 1)`` puts the channel first, the
tubelet model takes ``(8, 16, 16, 1)``. The root cause is the expand_dims line; the fix writes the axis the
model has (``-1``) there, proven by running the patched script, before a moveaxis added after it.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

volumes = np.random.default_rng(0).random((12, 4, 8, 8)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 3, size=12)
volumes = np.expand_dims(volumes, 1) / 2.0
inputs = keras.Input(shape=(4, 8, 8, 1))
x = layers.Conv3D(4, 2, activation="relu")(inputs)
outputs = layers.Dense(3, activation="softmax")(layers.GlobalAveragePooling3D()(x))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(volumes, kinds, epochs=1, verbose=0)
'''


def test_the_axis_is_added_where_the_model_has_it_on_the_line_that_adds_it(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "volumes = np.expand_dims(volumes, 1) / 2.0")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "volumes = np.expand_dims(volumes, -1) / 2.0" and first["line"] == line
    assert first["verified"]
