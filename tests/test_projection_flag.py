"""A residual block made without the projection shortcut its own class offers (real Keras and TensorFlow; r1219).

A block class adds its input to its output and projects the input first only when made with a flag
(``project=False`` by default). The block that changes the map's size and width is made without it, and the add
inside ``call`` fails. The line that made that block is the root cause; the fix passes the flag as True there,
proven by running the patched script. A failing add whose class has no such flag is left to the other rules.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Block(layers.Layer):
    def __init__(self, width, stride=1, project=False, **kwargs):
        super().__init__(**kwargs)
        self.first = layers.Conv2D(width, 3, strides=stride, padding="same", activation="relu")
        self.second = layers.Conv2D(width, 3, padding="same")
        self.shortcut = layers.Conv2D(width, 1, strides=stride) if project else None

    def call(self, x):
        out = self.second(self.first(x))
        if self.shortcut is not None:
            x = self.shortcut(x)
        return keras.activations.relu(out + x)


model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(8, 3, padding="same"),
    Block(8),
    Block(16, stride=2),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4),
])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(np.random.rand(32, 16, 16, 3), np.random.randint(0, 4, size=32), epochs=1, verbose=0)
'''


def test_the_block_made_without_its_projection_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "Block(16, stride=2),")
    assert (finding["culprit"]["line"], finding["culprit"]["class"]) == (line, "Block")
    [fix] = finding["fixes"]
    assert fix["code"] == "Block(16, stride=2, project=True)," and fix["verified"] and fix["proven"]


def test_an_add_in_a_class_without_such_a_flag_is_not_aimed_at_its_construction(tmp_path):
    plain = SCRIPT.replace("project=False", "project=None").replace("Block(16, stride=2),", "Block(16, stride=2),  # made")
    report, _, proc = run_json(run_cli, tmp_path, plain)
    assert proc.returncode == 1, proc.stderr
    assert all("projection shortcut" not in f["title"] for f in report["findings"][0]["fixes"])
