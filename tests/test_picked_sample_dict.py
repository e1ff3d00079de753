"""One sample picked for each named input of a trained model, ``{name: values[i] for name, values in
test_x.items()}``, given to ``predict`` without its batch axis (keras-io's wav2vec2 audio classifier, r990):
the comprehension is the culprit and each pick becomes a slice of one, ``values[i:i + 1]``, verified by
replaying the call and then written and run under python. Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json, written_and_run

SCRIPT = """\
import numpy as np
import keras
from keras import layers

inputs = {"audio": keras.Input(shape=(16,), name="audio"), "mask": keras.Input(shape=(16,), name="mask")}
joined = layers.concatenate([inputs["audio"], inputs["mask"]])
model = keras.Model(inputs, layers.Dense(3, activation="softmax")(joined))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
rng = np.random.default_rng(0)
test_x = {"audio": rng.random((20, 16)), "mask": np.ones((20, 16))}
model.fit(test_x, rng.integers(0, 3, 20), epochs=1, verbose=0)
i = 7
sample = {name: values[i] for name, values in test_x.items()}
print(model.predict(sample, verbose=0).shape)
"""


def test_each_pick_becomes_a_slice_of_one(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    made = line_of(SCRIPT, "sample = {name")
    assert finding["culprit"]["line"] == made
    fix = finding["fixes"][0]
    assert fix["line"] == made and fix["verified"], fix
    assert fix["code"] == "sample = {name: values[i:i + 1] for name, values in test_x.items()}", fix
    written = written_and_run(cli, tmp_path)
    assert "values[i:i + 1]" in written
