"""Ids of several categorical features declared with a length-1 axis in one loop, each embedded (real Keras).

keras-io's deep & cross network declares every feature ``Input`` in a loop; with ``shape=(1,)`` for the
categorical ones, each ``Embedding`` returns (None, 1, d) and the ``Concatenate`` with the (None, 1) numeric
features refuses them all (r1095). The declaration line is the root cause, and ``shape=()`` written there fixes
every embedding at once (verified on the rebuilt model, proven by running the patched script); the numeric
inputs' line is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

NUMERIC = ["age", "income"]
CATEGORICAL = {"city": 20, "job": 9}
rng = np.random.default_rng(0)
features = {name: rng.normal(size=(64, 1)).astype("float32") for name in NUMERIC}
features.update({name: rng.integers(0, size, size=(64,)) for name, size in CATEGORICAL.items()})
labels = rng.integers(0, 2, size=(64,))

inputs, encoded = {}, []
for name in NUMERIC:
    inputs[name] = layers.Input(name=name, shape=(1,), dtype="float32")
    encoded.append(inputs[name])
for name, size in CATEGORICAL.items():
    inputs[name] = layers.Input(name=name, shape=(1,), dtype="int32")
    encoded.append(layers.Embedding(size, 4)(inputs[name]))
x = layers.concatenate(encoded)
outputs = layers.Dense(1, activation="sigmoid")(layers.Dense(8, activation="relu")(x))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(features, labels, epochs=1, verbose=0)
'''


def test_the_loop_declaring_the_ids_is_the_cause_and_shape_unit_free_fixes_every_embedding(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, 'inputs[name] = layers.Input(name=name, shape=(1,), dtype="int32")')
    assert finding["culprit"]["line"] == line
    fix = finding["fixes"][0]
    assert fix["line"] == line and fix["verified"]
    assert fix["code"] == 'inputs[name] = layers.Input(name=name, shape=(), dtype="int32")'
