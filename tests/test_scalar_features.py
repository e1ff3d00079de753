"""One sample of named scalar features given to ``predict`` (real Keras; ``run --json``).

The keras-io structured-data examples predict on one record as ``{name: tf.convert_to_tensor([value])
...}``; without the list each feature is a scalar and every input, declared ``(1,)``, refuses it. The
root cause is the comprehension that made the dict and the fix wraps the value there (proven by
running the patched script); the shape path shows one row per named feature.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

age = keras.Input(shape=(1,), name="age")
rate = keras.Input(shape=(1,), name="rate")
x = layers.Dense(8, activation="relu")(layers.concatenate([age, rate]))
model = keras.Model([age, rate], layers.Dense(1, activation="sigmoid")(x))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit({"age": np.random.rand(32, 1), "rate": np.random.rand(32, 1)}, np.random.randint(0, 2, (32, 1)),
          epochs=1, verbose=0)

sample = {"age": 0.6, "rate": 0.3}
input_dict = {name: tf.convert_to_tensor(value) for name, value in sample.items()}
print(model.predict(input_dict, verbose=0))
'''


def test_one_record_of_scalar_features_gets_its_batch_axis_where_the_dict_is_made(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    made = line_of(SCRIPT, "input_dict = {")
    assert finding["id"] == "SD201" and finding["culprit"]["line"] == made
    first = finding["fixes"][0]
    assert "tf.convert_to_tensor([value])" in first["code"] and first["line"] == made
    assert first["verified"] and first["proven"]
    rows = [step["layer"] for step in finding["path"] if step["class"] == "data"]
    assert rows == ['input_dict["age"]', 'input_dict["rate"]']  # one row per named input, by its key
