"""Targets taken from one channel with an index where the output predicts several (real Keras).

A generator yields the first channel of each image as input and ``batch[..., 1]`` as the target, while the model
predicts two channels, ``Conv2D(2, ...)``: the index drops the channel axis and keeps one channel. The target line
is the root cause; ``[..., 1:3]`` (proven) goes before narrowing the output, which would also run (r1175).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.rand(32, 16, 16, 3).astype("float32")


def pairs(batch_size):
    while True:
        batch = images[np.random.choice(len(images), batch_size)]
        source = batch[..., :1]
        target = batch[..., 1]
        yield source, target


model = keras.Sequential([keras.Input((16, 16, 1)), layers.Conv2D(8, 3, padding="same", activation="relu"),
                          layers.Conv2D(2, 3, padding="same")])
model.compile(optimizer="adam", loss="mse")
model.fit(pairs(8), steps_per_epoch=2, epochs=1, verbose=0)
'''


def test_the_channel_index_becomes_a_slice_of_the_output_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "target = batch[..., 1]")
    first = finding["fixes"][0]
    assert first["code"] == "target = batch[..., 1:3]" and first["proven"]
