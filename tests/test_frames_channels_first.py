"""Test clips built with each frame channels-first for a model trained on channels-last frames (real Keras).

jamesmf/mnistCRNN: the training clips are (n, steps, size, size, 1) but the test clips were allocated
(n, steps, 1, size, size), so evaluate fails inside the TimeDistributed convolution. The model was
trained: the data is prepared like the training data, by moving axis 2 (each frame's channels) last
(r524).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 10, 10, 1)),
    layers.TimeDistributed(layers.Conv2D(4, 3, activation="relu")),
    layers.TimeDistributed(layers.Flatten()),
    layers.GRU(8),
    layers.Dense(1),
])
model.compile(loss="mse", optimizer="rmsprop")
clips = np.random.rand(32, 3, 10, 10, 1).astype("float32")
model.fit(clips, np.random.rand(32).astype("float32"), epochs=1, verbose=0)
test_clips = np.zeros((16, 3, 1, 10, 10), dtype="float32")
print(model.evaluate(test_clips, np.zeros(16, dtype="float32"), verbose=0))
'''


def test_each_frames_channels_are_moved_last(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "test_clips = np.zeros(")
    first = finding["fixes"][0]
    assert first["verified"] and "np.moveaxis(" in first["code"] and ", 2, -1)" in first["code"]
