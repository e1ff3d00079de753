"""Labels cut from the features on both splits (real Keras).

keras-team/keras #10791 (r616): after shuffling ``data`` and ``labels`` alike, the split writes
``y_train = data[:-n]`` and ``y_val = data[-n:]``, the padded sequences where the labels are meant.
The training labels' line is the cause; the fix cuts the labels from ``labels`` there and on the
validation line, which made the same slip (fixing one alone leaves ``fit`` failing on the other),
proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
seqs = rng.integers(1, 50, size=(60, 12))
tags = keras.utils.to_categorical(rng.integers(0, 4, size=60), 4)
order = rng.permutation(60)
seqs = seqs[order]
tags = tags[order]
cut = 12
train_x = seqs[:-cut]
train_y = seqs[:-cut]
val_x = seqs[-cut:]
val_y = seqs[-cut:]
net = keras.Sequential([keras.Input((12,), dtype="int32"), layers.Embedding(50, 8), layers.GlobalAveragePooling1D(),
                        layers.Dense(4, activation="softmax")])
net.compile(loss="categorical_crossentropy", optimizer="adam")
net.fit(train_x, train_y, epochs=1, validation_data=(val_x, val_y), verbose=0)
'''


def test_both_splits_cut_their_labels_from_the_labels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "train_y = seqs[:-cut]")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "train_y = tags[:-cut]\nval_y = tags[-cut:]", first
    written = written_and_run(run_cli, tmp_path)
    assert "train_y = tags[:-cut]" in written and "val_y = tags[-cut:]" in written
