"""Images given to a Sequential without ``Input`` whose Dense layers expect rows (real Keras).

Deep Learning with Python, chapter 2: ``Sequential([Dense(512), Dense(10)])`` fitted on (n, 28, 28)
images that were not reshaped to 784. The model is checked before its first call, so it has no graph;
the root cause is the **first** Dense (where Flatten belongs), read from the Sequential's own layers, not
the output layer (r432). Regression guard: a head read for the loss must not replace that walk.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.default_rng(0).integers(0, 256, size=(64, 12, 12)).astype("float32") / 255
labels = np.random.default_rng(1).integers(0, 10, size=(64,))
model = keras.Sequential([
    layers.Dense(32, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=16, verbose=0)
'''


def test_the_first_dense_of_an_unbuilt_sequential_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'layers.Dense(32, activation="relu")')
    assert any("Flatten()" in f["code"] and f["verified"] for f in finding["fixes"])
