"""Images fed to a Sequential of Dense layers with no ``Input`` and no Flatten (real Keras).

Deep Learning with Python's first MNIST network without its ``reshape((60000, 28 * 28))``: the
Sequential is not built before ``fit`` (no ``Input``), Dense works on the last axis only, and the
output is (None, 28, 10) against (N,) labels. The root cause is the first Dense, where each sample
is still a matrix, and Flatten before it comes first (not a pooling over image rows) (r432).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.rand(64, 28, 28).astype("float32")
labels = np.random.randint(0, 10, size=(64,))
model = keras.Sequential([
    layers.Dense(32, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=16, verbose=0)
'''


def test_the_first_dense_of_an_unbuilt_sequential_is_the_root_cause_and_flatten_comes_first(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'layers.Dense(32, activation="relu"),')
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].strip() == "layers.Flatten(),"
    assert first["line"] == line_of(SCRIPT, 'layers.Dense(32, activation="relu"),')
    assert "each sample of the data is itself a matrix" in finding["explanation"]
