"""A fix on a model fed a dict of named inputs is verified on a rebuilt model that keeps the names (real Keras; r724).

Verification rebuilds the model with the fix and trains it one step on the call's own data. A model
whose inputs are named after the features takes a dict keyed by those names; the rebuilt model must
keep them, or Keras refuses the dict ("Missing data for input") and the right fix is dropped.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(3)
columns = ["amount", "hour", "merchant_risk"]
table = {name: rng.normal(size=(48, 1)).astype("float32") for name in columns}
is_fraud = rng.integers(0, 2, size=48).astype("float32")
inputs = [keras.Input(shape=(1,), name=name) for name in columns]
hidden = keras.layers.Dense(8, activation="relu")(keras.layers.concatenate(inputs))
fraud = keras.layers.Dense(2, activation="softmax")(hidden)
model = keras.Model(inputs, fraud)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(table, is_fraud, batch_size=16, epochs=1, verbose=0)
print(model.predict(table, verbose=0).shape)
'''


def test_the_one_sigmoid_unit_is_verified_on_the_named_inputs(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "fraud = keras.layers.Dense(2")
    fix = finding["fixes"][0]
    assert fix["verified"] and fix["code"] == 'fraud = keras.layers.Dense(1, activation="sigmoid")(hidden)'
