"""A dict of one sample's values given to ``predict`` without the batch axis (real Keras; r706).

keras-io's structured-data example wraps each value of a new sample in a list before converting it; left
bare, every input gets one sample with no batch axis. The dict comprehension is the root cause and wraps
its value, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

size_in = keras.Input(shape=(1,), name="size")
kind_in = keras.Input(shape=(3,), name="kind")
joined = layers.Concatenate()([size_in, kind_in])
model = keras.Model({"size": size_in, "kind": kind_in}, layers.Dense(1)(joined))
model.compile(optimizer="adam", loss="mse")
model.fit({"size": np.random.rand(12), "kind": np.eye(3)[np.random.randint(0, 3, 12)]}, np.random.rand(12),
          epochs=1, verbose=0)
house = {"size": 0.4, "kind": [0.0, 1.0, 0.0]}
features = {key: np.array(value) for key, value in house.items()}
print(model.predict(features, verbose=0))
'''


def test_a_dict_of_one_sample_wraps_each_value_where_it_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "features = {key:")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "features = {key: np.array([value]) for key, value in house.items()}"
