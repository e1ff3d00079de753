"""Binary labels one-hot encoded with ``to_categorical``, then split, for one sigmoid unit (real Keras).

Deep Learning with Python's IMDB classifier keeps its 0/1 labels as they are; written
``y_train = to_categorical(train_labels)`` (the Reuters recipe), the (N, 2) rows meet one sigmoid unit
under ``binary_crossentropy``. The array given to ``fit`` is only a split of them
(``partial_y_train = y_train[100:]``, the validation rows ``y_val = y_train[:100]``): the split takes
rows and keeps the encoding, so the root cause is the ``to_categorical`` line and the fix drops it
there, which fixes the validation labels too (r537). A Sequential without ``Input`` is checked before
its first call: its last layer is the head.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(0)
features = rng.random((300, 20)).astype("float32")
labels = rng.integers(0, 2, size=300)
y_all = to_categorical(labels)

model = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
x_val, x_part = features[:60], features[60:]
y_val = y_all[:60]
y_part = y_all[60:]
model.fit(x_part, y_part, epochs=1, batch_size=64, validation_data=(x_val, y_val), verbose=0)
'''


def test_the_encoding_line_above_the_split_is_the_cause_and_loses_to_categorical(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y_all = to_categorical(")
    first = finding["fixes"][0]
    assert first["code"] == "y_all = labels" and first["verified"]
    assert "y_all = labels\n" in written_and_run(run_cli, tmp_path)
