"""A residual sum inside a user's layer whose branch changed width through backend ops (real Keras).

The branch goes through a Dense one time step at a time and is stacked back with ``ops.stack``, so
the walk back from the refused sum cannot follow it and would name the block that made the stream.
The Dense inside the layer that turned the stream's width into the branch's is the root cause; its
size argument is scaled by the ratio (or written out), proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class StepMixer(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.mix = layers.Dense(width, activation="relu")

    def call(self, x):
        steps = [self.mix(x[:, t, :]) for t in range(x.shape[1])]
        return ops.stack(steps, axis=1) + x


hidden = 12
inp = keras.Input((5, 3))
stream = layers.Dense(hidden * 3)(inp)
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(StepMixer(hidden)(stream)))
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((8, 5, 3)), np.zeros((8, 1)), epochs=1, verbose=0)
'''


def test_the_branch_layer_inside_the_block_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.mix = layers.Dense(width")
    first = finding["fixes"][0]
    assert first["code"] == 'self.mix = layers.Dense(width * 3, activation="relu")' and first["proven"]


def test_a_literal_size_is_written_out(tmp_path):
    script = SCRIPT.replace("layers.Dense(width,", "layers.Dense(20,")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "self.mix = layers.Dense(20")
    first = finding["fixes"][0]
    assert first["code"] == 'self.mix = layers.Dense(36, activation="relu")' and first["proven"]


def test_a_branch_made_by_the_layers_own_weight_is_not_blamed_on_a_sublayer(tmp_path):
    # the branch's width comes from a weight the block makes itself, not from a layer it calls: no verdict here
    script = SCRIPT.replace("steps = [self.mix(x[:, t, :]) for t in range(x.shape[1])]",
                            "steps = [ops.matmul(x[:, t, :], self.w) for t in range(x.shape[1])]").replace(
        "    def call(self, x):", "    def build(self, shape):\n        self.w = self.add_weight(shape=(shape[-1], 12))\n\n"
                                 "    def call(self, x):")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(script, "self.mix = layers.Dense(width")
    assert not any(f["title"].startswith("give the branch's") for f in finding["fixes"])


BOTTLENECK = '''import numpy as np
import keras
from keras import layers

WIDTH = 32


class Bottleneck(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.down = layers.Conv2D(filters // 4, 1, activation="relu")
        self.mid = layers.Conv2D(filters // 4, 3, padding="same", activation="relu")
        self.up = layers.Conv2D(filters // 4, 1)

    def call(self, inputs):
        return inputs + self.up(self.mid(self.down(inputs)))


inp = keras.Input((8, 8, 3))
x = layers.Conv2D(WIDTH, 3, padding="same")(inp)
x = Bottleneck(filters=WIDTH)(x)
out = layers.Dense(2, activation="softmax")(layers.GlobalAveragePooling2D()(x))
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(np.zeros((8, 8, 8, 3)), np.zeros((8,)), epochs=1, verbose=0)
'''


def test_a_bottleneck_widens_its_last_layer_back_with_the_blocks_own_name(tmp_path):
    # r1171: the first 1x1 conv narrows on purpose; the last one must restore the stream's width, `filters`
    report, _, proc = run_json(run_cli, tmp_path, BOTTLENECK)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(BOTTLENECK, "self.up = layers.Conv2D(")
    first = finding["fixes"][0]
    assert first["code"] == "self.up = layers.Conv2D(filters, 1)" and first["proven"]
