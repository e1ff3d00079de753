"""A merge inside a custom layer's ``call`` refuses one of its inputs (real Keras).

The layer joins numeric columns with the output of its own small Sequential (a StringLookup, then an Embedding), which
keeps a length axis of 1 (the keras-io structured-data preprocessor without its ``Reshape``, r898):
``concatenate([numbers, codes])`` gets (None, 4) and (None, 1, 2). The recording sees the embedded codes
only as data handed into the merge; the root cause is the line of ``call`` that made them, and the
pooling or flattening fix goes before the merge.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


class Features(keras.Model):
    def __init__(self):
        super().__init__()
        self.scalers = {name: layers.Normalization() for name in ("size", "weight")}
        self.lookup = layers.StringLookup()

    def adapt(self, table):
        for name, scaler in self.scalers.items():
            scaler.adapt(table[name])
        self.lookup.adapt(table["colour"])
        self.codes = keras.Sequential([keras.Input(shape=(1,), dtype="string"), self.lookup,
                                       layers.Embedding(self.lookup.vocabulary_size(), 2)])

    def call(self, inputs):
        numbers = layers.concatenate([scaler(inputs[name]) for name, scaler in self.scalers.items()])
        codes = self.codes(inputs["colour"])
        return layers.concatenate([numbers, inputs["size"], codes])


table = {"size": np.random.rand(8, 1).astype("float32"), "weight": np.random.rand(8, 1).astype("float32"),
         "colour": np.array([["red"], ["blue"]] * 4)}
inputs = {"size": keras.Input(shape=(1,), name="size"), "weight": keras.Input(shape=(1,), name="weight"),
          "colour": keras.Input(shape=(1,), dtype="string", name="colour")}
features = Features()
features.adapt(table)
joined = features(inputs)
model = keras.Model(inputs, layers.Dense(1)(joined))
print(model.output_shape)
'''


def test_the_line_of_call_that_made_the_odd_input_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104" and "The odd input is `codes`" in finding["explanation"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "codes = self.codes(inputs")
    assert any("Flatten()(codes)" in f["code"] or "Pooling1D()(codes)" in f["code"] for f in finding["fixes"]), \
        finding["fixes"]
