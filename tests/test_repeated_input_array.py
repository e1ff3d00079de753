"""A multichannel model whose every input reads the same array: fit and the first evaluate pass
``[trainX, trainX, trainX]``, the test evaluate passes ``testX`` alone (the n-gram multichannel CNN
tutorial, r1004). Which array goes to which input is then known from the earlier call: the fix passes
``[testX, testX, testX]``, verified by replaying the call; without such a call the shapes cannot tell.
Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

inputs = [keras.Input(shape=(10,)) for _ in range(3)]
merged = layers.concatenate([layers.Dense(4)(i) for i in inputs])
model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(merged))
model.compile(optimizer="adam", loss="binary_crossentropy")
rng = np.random.default_rng(0)
trainX, testX = rng.random((32, 10)), rng.random((8, 10))
model.fit([trainX, trainX, trainX], rng.integers(0, 2, 32), epochs=1, verbose=0)
print(model.evaluate(testX, rng.integers(0, 2, 8), verbose=0))
"""


def test_the_array_goes_to_each_input_as_the_earlier_call_passed_it(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    fix = finding["fixes"][0]
    assert fix["line"] == line_of(SCRIPT, "model.evaluate(testX")
    # the array is right, the call lacks its copies: the call is the root cause, not where testX was made (r1144)
    assert report["findings"][0]["culprit"]["line"] == line_of(SCRIPT, "model.evaluate(testX")
    assert "model.evaluate([testX, testX, testX], " in fix["code"] and fix["verified"], fix


def test_without_an_earlier_call_the_shapes_cannot_tell(cli, tmp_path):
    script = SCRIPT.replace("model.fit([trainX, trainX, trainX], ", "model.fit([trainX, trainX * 2, trainX], ")
    report, _, _ = run_json(cli, tmp_path, script)
    finding = report["findings"][0]
    assert not any("[testX, testX, testX]" in (f["code"] or "") for f in finding["fixes"]), finding["fixes"]
