"""A two-input model fitted on one array: the other input's array is found, never the labels (real Keras).

The image input gets `image_features`; the tag input needs a (n, 1) array, and the script holds two:
`tag_ids` and the labels `y_output` passed in the same call. The labels are never an input, so the fix
passes `[image_features, tag_ids]` (r039).
"""

from __future__ import annotations

from conftest import run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

features = np.random.rand(40, 16).astype("float32")
tag_ids = np.random.randint(0, 20, size=(40, 1))
labels = np.random.randint(0, 2, size=(40, 1))
a = keras.Input(shape=(16,))
b = keras.Input(shape=(1,))
merged = layers.concatenate([layers.Dense(8)(a), layers.Flatten()(layers.Embedding(20, 4)(b))])
model = keras.Model([a, b], layers.Dense(1, activation="sigmoid")(merged))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(features, labels, epochs=1, batch_size=8, verbose=0)
'''


def test_the_tag_array_is_passed_not_the_labels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"] == "model.fit([features, tag_ids], labels, epochs=1, batch_size=8, verbose=0)"
    assert "model.fit([features, tag_ids], labels," in written_and_run(run_cli, tmp_path)
