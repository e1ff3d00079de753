"""New data made like the training data but with another size at the axis that does not fit (real Keras).

The Keras functional-API guide's ticket model takes tag vectors of ``num_tags`` values; new tickets made
with ``size=(5, num_departments)`` (two of the guide's constants mixed up) fail in ``predict``. The line
that made them is the twin of the training line but for the sample count and that one size: the fix
writes the training line's size (``num_tags``), proven by running the patched script (r566).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

num_words, num_tags, num_classes = 50, 9, 3
rng = np.random.default_rng(0)

words_in = keras.Input(shape=(6,), name="words")
tags_in = keras.Input(shape=(num_tags,), name="tags")
w = layers.GlobalAveragePooling1D()(layers.Embedding(num_words, 8)(words_in))
h = layers.concatenate([w, tags_in])
out = layers.Dense(num_classes, activation="softmax")(h)
model = keras.Model([words_in, tags_in], out)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")

words = rng.integers(num_words, size=(64, 6))
tags = rng.integers(2, size=(64, num_tags)).astype("float32")
model.fit({"words": words, "tags": tags}, rng.integers(num_classes, size=64), epochs=1, verbose=0)

new_words = rng.integers(num_words, size=(4, 6))
new_tags = rng.integers(2, size=(4, num_classes)).astype("float32")
print(model.predict({"words": new_words, "tags": new_tags}, verbose=0).shape)
'''


def test_the_new_data_takes_the_size_of_its_training_twin(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "new_tags = rng.integers(2, size=(4, num_classes))")
    first = finding["fixes"][0]
    assert first["verified"] and "new_tags = rng.integers(2, size=(4, num_tags))" in first["code"]
    # the path names each array of the dict literal on its own line, the odd one marked as the root cause
    rows = [(step["layer"], step["line"], step["role"]) for step in finding["path"] if step["class"] == "data"]
    assert rows == [("new_words", line_of(SCRIPT, "new_words = "), ""),
                    ("new_tags", line_of(SCRIPT, "new_tags = "), "culprit")]
    written = written_and_run(run_cli, tmp_path)
    assert 'new_tags = rng.integers(2, size=(4, num_tags)).astype("float32")' in written
