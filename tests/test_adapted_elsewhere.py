"""A Normalization layer adapted on the array meant for another input (real Keras; r732).

Two Normalization layers, each for one input of a subclassed two-input model, adapted with their
arrays swapped: the first layer to run learned another width of statistics and refuses its input.
The adapt line is the root cause; both arguments are swapped back, proven by running the patched
script. Without a partner, the layer is adapted on the one array of its width the call passes.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras


class TwoTower(keras.Model):
    def __init__(self):
        super().__init__()
        self.scale_a = keras.layers.Normalization()
        self.scale_b = keras.layers.Normalization()
        self.out = keras.layers.Dense(1)

    def call(self, inputs):
        a, b = inputs
        return self.out(keras.layers.concatenate([self.scale_a(a), self.scale_b(b)]))


rng = np.random.default_rng(0)
table = rng.normal(size=(64, 7)).astype("float32")
part_a, part_b = table[:, :3], table[:, 3:]
target = rng.normal(size=(64, 1)).astype("float32")
model = TwoTower()
model.compile(optimizer="adam", loss="mse")
model.scale_a.adapt(part_b)
model.scale_b.adapt(part_a)
model.fit((part_a, part_b), target, epochs=1, verbose=0)
print("ok")
'''


def test_the_swapped_adapt_arguments_are_swapped_back(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.scale_a.adapt(part_b)")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "model.scale_a.adapt(part_a)\nmodel.scale_b.adapt(part_b)"


def test_a_layer_adapted_on_the_whole_table_takes_its_own_part(tmp_path):
    script = SCRIPT.replace("model.scale_a.adapt(part_b)", "model.scale_a.adapt(table)").replace(
        "model.scale_b.adapt(part_a)", "model.scale_b.adapt(part_b)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(script, "model.scale_a.adapt(table)")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "model.scale_a.adapt(part_a)"
