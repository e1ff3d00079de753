"""A Conv2D window model switched to ConvLSTM2D keeps its grid declaration (real Keras; ``run --json``).

ConvLSTM2D steps over axis 1 of a 5-axis input; a model declared on (50, 1, 1) windows has no time
axis. Adding a channel axis at the end (50, 1, 1, 1) makes 50 steps of a 1x1 grid that a (5, 1)
kernel cannot slide over; the fix that builds is a time axis of one step in front, (1, 50, 1, 1),
with the data moved the same way, proven by the patched script (r385, rstudio/keras3#220).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

SMP = 20
windows = np.random.rand(40, SMP).reshape(40, SMP, 1, 1).astype("float32")
labels = keras.utils.to_categorical(np.random.randint(0, 3, size=40), 3)

model = keras.Sequential([
    keras.Input(shape=(SMP, 1, 1)),
    layers.ConvLSTM2D(4, kernel_size=(5, 1)),
    layers.Flatten(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(windows, labels, epochs=1, verbose=0)
'''


def test_a_time_axis_of_one_step_is_declared_in_front(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == line_of(SCRIPT, "keras.Input(")
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"]
    assert "keras.Input(shape=(1, SMP, 1, 1))" in first["code"]
    assert "np.expand_dims(windows, 1)" in first["code"]
