"""A Conv2D with a 1x1 kernel on (None, 256, 3) points: the axis of size 1 it lacks is a spatial one in
front, Reshape((1, 256, 3)), so the kernel mixes the 3 coordinates of each point (the Q&A answer for a
PointNet's conv1, r926). A channel axis behind, (256, 3, 1), would give it one number to scale per
position, so it is not offered. A 3x3 kernel keeps the usual channel axis. Real Keras, fixes proven."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

clouds = np.random.default_rng(0).normal(size=(32, 64, 3)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 4, size=32)
points = keras.Input(shape=(64, 3))
x = layers.Conv2D(16, {kernel}, activation="relu")(points)
x = layers.GlobalMaxPooling2D()(x)
model = keras.Model(points, layers.Dense(4, activation="softmax")(x))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(clouds, kinds, epochs=1, verbose=0)
"""


def test_one_by_one_kernel_gets_a_spatial_axis_in_front(cli, tmp_path):
    code = SCRIPT.format(kernel="(1, 1)")
    report, _, _ = run_json(cli, tmp_path, code)
    fixes = report["findings"][0]["fixes"]
    assert fixes[0]["proven"] and "Reshape((1, 64, 3))" in fixes[0]["code"], fixes[0]
    assert fixes[0]["line"] == line_of(code, "layers.Conv2D(")
    assert not any("(64, 3, 1)" in f["code"] for f in fixes), [f["code"] for f in fixes]


def test_wider_kernel_keeps_the_channel_axis_behind(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT.format(kernel="3"))
    codes = [f["code"] for f in report["findings"][0]["fixes"]]
    assert any("(64, 3, 1)" in c for c in codes), codes
    assert not any("Reshape((1, 64, 3))" in c for c in codes), codes
