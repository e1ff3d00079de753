"""Test labels prepared like the training labels minus one step: the training codes are shifted from
1..6 to 0..5 before ``to_categorical``, the test codes are not, so the test labels get 7 columns and
``evaluate`` refuses them against the 6-wide output the model trained for (the HAR tutorial with the test
split's shift left out, r997). The model is right; the culprit is the test labels' encoding line and the
fix writes the missing step before it, proven by running the patched script. Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(0)
trainX, testX = rng.normal(size=(96, 12)), rng.normal(size=(30, 12))
trainy, testy = rng.integers(1, 7, size=(96, 1)), rng.integers(1, 7, size=(30, 1))
trainy[0], testy[0] = 6, 6
trainy = trainy - 1
trainy = to_categorical(trainy)
testy = to_categorical(testy)
model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(16, activation="relu"),
                          layers.Dense(trainy.shape[1], activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(trainX, trainy, epochs=1, verbose=0)
print(model.evaluate(testX, testy, verbose=0))
"""


def test_the_step_the_test_labels_missed_is_written_before_their_twin(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "testy = to_categorical(testy)")
    fix = finding["fixes"][0]
    assert fix["code"] == "testy = testy - 1\ntesty = to_categorical(testy)" and fix["proven"], fix
