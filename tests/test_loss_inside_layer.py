"""A Keras loss called inside a layer of the user's own on two of its inputs (real Keras).

An endpoint layer computes its own loss, ``self.loss_fn(targets, logits)``, from a targets ``Input`` of 4 columns
and logits of ``Dense(1)``: "Arguments `target` and `output` must have the same shape". The layer's ``__init__``
takes only ``name``, so ``from_config`` of its base config fails; the copy is made from the keys it accepts, the
search makes the logits as wide as the targets (spelled with the script's name), and the layer that made the
logits is the root cause.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

n_labels = 4


class Endpoint(layers.Layer):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)

    def call(self, targets, logits):
        self.add_loss(self.loss_fn(targets, logits))
        return ops.sigmoid(logits)


features = keras.Input(shape=(10,))
targets = keras.Input(shape=(n_labels,))
hidden = layers.Dense(16, activation="relu")(features)
logits = layers.Dense(1)(hidden)
model = keras.Model([features, targets], Endpoint(name="end")(targets, logits))
model.compile(optimizer="adam")
x = np.random.rand(32, 10).astype("float32")
y = (np.random.rand(32, n_labels) > 0.5).astype("float32")
model.fit([x, y], epochs=1, verbose=0)
'''


def test_the_logits_layer_is_made_as_wide_as_the_targets(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "logits = layers.Dense(1)(")
    first = finding["fixes"][0]
    assert first["code"] == "logits = layers.Dense(n_labels)(hidden)"
    assert first["proven"]


def test_of_two_layers_of_one_class_on_one_line_the_fix_edits_the_right_call(tmp_path):
    # `Dense(1)(Dense(16)(features))`: the code writer picked the later call on the line and wrote the new width
    # into Dense(16) (its proof failed); it now picks the call whose literal size is the edited layer's
    script = SCRIPT.replace('hidden = layers.Dense(16, activation="relu")(features)\nlogits = layers.Dense(1)(hidden)',
                            'logits = layers.Dense(1)(layers.Dense(16, activation="relu")(features))')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == 'logits = layers.Dense(n_labels)(layers.Dense(16, activation="relu")(features))'
    assert first["proven"]
