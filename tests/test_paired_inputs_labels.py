"""Two inputs that agree and labels from another array (real Keras).

keras-io's siamese contrastive example (r630): ``make_pairs`` returns the test pairs and their 0/1
labels, and ``evaluate`` is given the digit labels of the images instead, half as many. The caller holds
exactly one array with the pairs' count shaped like the labels (kept as floats beside integer digit
ids): it is passed instead, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
digits = rng.integers(0, 10, size=40)
left = rng.random((80, 6)).astype("float32")
right = rng.random((80, 6)).astype("float32")
same = rng.integers(0, 2, size=80).astype("float32")
a, b = keras.Input((6,)), keras.Input((6,))
tower = layers.Dense(4)
score = layers.Dense(1, activation="sigmoid")(layers.Concatenate()([tower(a), tower(b)]))
pairs = keras.Model([a, b], score)
pairs.compile(loss="binary_crossentropy", optimizer="adam")
print(pairs.evaluate([left, right], digits, verbose=0))
'''


def test_the_labels_that_pair_with_the_inputs_are_passed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD203"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "pairs.evaluate(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "print(pairs.evaluate([left, right], same, verbose=0))", first
    assert "`same` holds 80 samples" in finding["explanation"]
