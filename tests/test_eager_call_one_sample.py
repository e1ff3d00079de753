"""A functional model called on one observation without its batch axis (real Keras, eager call).

Keras 3 checks a functional model's eager input: "Expected shape (None, 4), but input has incompatible
shape (4,)". That is one sample without its batch axis: the only fix is the batch axis on the data,
proven by running the patched script; a layer inserted before the model (or a last axis on the data)
would read the 4 features as 4 samples and is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

state_in = keras.Input(shape=(4,))
policy = keras.Model(state_in, layers.Dense(2, activation="softmax")(layers.Dense(8, activation="relu")(state_in)))

state = np.random.default_rng(9).normal(size=(4,)).astype("float32")
state = ops.convert_to_tensor(state)
probs = policy(state)
print(ops.convert_to_numpy(probs))
'''


def test_only_the_batch_axis_is_offered(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "probs = policy(state)")
    assert [f["code"] for f in finding["fixes"]] == ["state = np.expand_dims(state, 0)"]
    assert finding["fixes"][0]["proven"]
