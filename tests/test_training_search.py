"""Labels against an output that no training rule repairs: single model edits found by search
(diagnosis/training_search.py), each verified by a real training step of a clone with the
invariants (loss shapes equal, size kept, output still learned), and the root cause moved to the
layer the best edit changes. Real Keras, under ``shapedoctor.watch()``.
"""

from __future__ import annotations

from conftest import line_of, watched_finding

HEAD = "import numpy as np\nimport keras\nfrom keras import layers\n\n"

STRIDED = '''x = np.random.rand(32, 16, 16, 3).astype("float32")
masks = (np.random.rand(32, 8, 8, 1) > 0.5).astype("float32")
inputs = keras.Input((16, 16, 3))
h = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inputs)
h = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(h)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile("adam", "binary_crossentropy")
model.fit(x, masks, epochs=1, verbose=0)
'''

POOLED_TAGS = '''x = np.random.rand(32, 20, 8).astype("float32")
tags = keras.utils.to_categorical(np.random.randint(0, 3, size=(32, 20)), 3)
model = keras.Sequential([
    keras.Input((20, 8)),
    layers.LSTM(16, return_sequences=True),
    layers.MaxPooling1D(2),
    layers.Dense(3, activation="softmax"),
])
model.compile("adam", "categorical_crossentropy")
model.fit(x, tags, epochs=1, verbose=0)
'''


def _finding(tmp_path, body: str) -> dict:
    return watched_finding(tmp_path, HEAD + body)


def _line(body: str, text: str) -> int:
    return line_of(HEAD + body, text)


def test_a_stride_too_many_is_found_by_search_and_verified(tmp_path):
    finding = _finding(tmp_path, STRIDED)
    assert finding["id"] == "SD202"
    fixes = finding["fixes"]
    assert [f["verified"] for f in fixes] == [True, True]
    assert all("strides=1," in f["code"] and "found by search" in f["note"] for f in fixes)
    assert fixes[0]["result_shape"] == "(None, 8, 8, 1)"
    # the nearest strided convolution to the output is the first lead, and the root cause
    assert finding["culprit"]["line"] == _line(STRIDED, 'strides=2, padding="same", activation="relu")(h)')
    assert fixes[0]["checks"]["loss_shapes"] is True


def test_a_pooling_that_halves_per_step_tags_is_removed_and_blamed(tmp_path):
    finding = _finding(tmp_path, POOLED_TAGS)
    fixes = finding["fixes"]
    assert len(fixes) == 1 and fixes[0]["verified"]
    assert "remove max_pooling1d" in fixes[0]["title"] and fixes[0]["result_shape"] == "(None, 20, 3)"
    assert finding["culprit"]["line"] == _line(POOLED_TAGS, "layers.MaxPooling1D(2)")
    assert finding["culprit"]["kind"] == "layer"
