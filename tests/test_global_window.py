"""A pooling window sized to cover the whole map becomes a global pooling (real Keras).

The old Keras pretrained-word-embeddings example ended its 1-D convnet with ``MaxPooling1D(35)``
commented "global max pooling": on shorter texts the map is smaller than 35 and the build fails.
The maintainer's fix (keras-team/keras#5157) is ``GlobalMaxPooling1D()`` in place of the pooling (and
its Flatten), which covers the whole map for any length; another window size only moves the problem
(r553). A stack of equal small windows that runs out of room is not that: there the window was never
meant to be global.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

MEANT_GLOBAL = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
tokens = rng.integers(1, 300, size=(40, 120))
topics = keras.utils.to_categorical(rng.integers(0, 4, size=40), 4)

model = keras.Sequential([
    keras.Input(shape=(120,)),
    layers.Embedding(300, 16),
    layers.Conv1D(16, 5, activation="relu"),
    layers.MaxPooling1D(4),
    layers.Conv1D(16, 5, activation="relu"),
    layers.MaxPooling1D(40),
    layers.Flatten(),
    layers.Dense(4, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(tokens, topics, epochs=1, batch_size=8, verbose=0)
'''

EQUAL_WINDOWS = '''import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 6, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(2, activation="softmax"),
])
'''


def test_the_outsized_window_becomes_a_global_pooling(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, MEANT_GLOBAL)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(MEANT_GLOBAL, "layers.MaxPooling1D(40),")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].startswith("layers.GlobalMaxPooling1D(),")
    assert "delete this line: layers.Flatten()" in first["code"]  # nothing left to flatten
    written = written_and_run(run_cli, tmp_path)
    assert "layers.GlobalMaxPooling1D(),\n    layers.Dense(4" in written and "MaxPooling1D(40)" not in written


def test_equal_windows_that_run_out_of_room_are_not_made_global(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, EQUAL_WINDOWS)
    assert proc.returncode == 1, proc.stderr
    fixes = report["findings"][0]["fixes"]
    assert fixes and "Global" not in fixes[0]["code"]
