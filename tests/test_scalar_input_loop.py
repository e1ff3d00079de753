"""Column Inputs declared with shape=() in a loop, joined with one-hot columns (real Keras; ``run --json``).

The pandas-DataFrame tutorial makes one Input per column; declared ``shape=()`` they hold one value
per sample, which a cast keeps, while the one-hot lookups give (None, k): Concatenate fails with
"list index out of range". The Input line in the loop is the root cause and ``shape=(1,)`` there the
fix, written once for every Input it makes, verified and proven (r411).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

n = 32
table = {"age": np.random.rand(n).astype("float32"), "chol": np.random.rand(n).astype("float32"),
         "sex": np.random.randint(0, 2, n), "cp": np.random.randint(0, 4, n)}
target = np.random.randint(0, 2, n)

inputs = {}
for name, column in table.items():
    inputs[name] = keras.Input(shape=(), name=name, dtype="int64" if name in ("sex", "cp") else "float32")

parts = [layers.Lambda(lambda t: keras.ops.cast(t, "float32"))(inputs[name]) for name in ("age", "chol", "sex")]
parts.append(layers.IntegerLookup(vocabulary=[0, 1, 2, 3], output_mode="one_hot")(inputs["cp"]))
joined = layers.Concatenate(axis=1)(parts)
model = keras.Model(inputs, layers.Dense(1)(joined))
model.compile(optimizer="adam", loss="mse")
model.fit(table, target, epochs=1, verbose=0)
'''


def test_the_input_line_of_the_loop_gets_a_feature_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "inputs[name] = keras.Input(")
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"]
    assert first["code"].count("shape=(1,)") == 1 and "keras.Input(shape=(1,), name=name" in first["code"]


JOINED = '''import numpy as np
import keras
from keras import layers

age = keras.Input(shape=(), name="age")
income = keras.Input(shape=(), name="income")
features = layers.concatenate([age, income])
features = layers.BatchNormalization()(features)
price = layers.Dense(1)(layers.Dense(8, activation="relu")(features))
model = keras.Model({"age": age, "income": income}, price)
model.compile(optimizer="adam", loss="mse")
data = {"age": np.random.rand(32).astype("float32"), "income": np.random.rand(32).astype("float32")}
model.fit(data, np.random.rand(32), epochs=1, verbose=0)
'''


def test_scalar_inputs_joined_before_batch_normalization_get_a_feature_axis(tmp_path):
    # joined along the batch axis, (None,): BatchNormalization cannot size its weights (SD107)
    report, _, proc = run_json(run_cli, tmp_path, JOINED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD107"
    assert finding["culprit"]["line"] in (line_of(JOINED, 'age = keras.Input'), line_of(JOINED, 'income = keras.Input'))
    first = finding["fixes"][0]
    assert first["code"].count("shape=(1,)") == 2 and first["verified"] and first["proven"], first
    assert "shape=()" in finding["explanation"]
