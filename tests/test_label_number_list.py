"""One label per sample written as a Python list of numbers for a single-output model (real Keras; r1240).

A GAN's discriminator is trained with ``y = [1] * batch + [0] * batch``: Keras reads a Python list as one target
per output ("y_true and y_pred have different structures"). The line that made the list is the root cause and the
fix makes it one array there, a column for a one-unit output, verified with a training step.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

batch = 4
critic = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(8, activation="relu"),
                           layers.Dense(1, activation="sigmoid")])
critic.compile(optimizer="adam", loss="binary_crossentropy")
real = np.random.rand(batch, 6).astype("float32")
fake = np.random.rand(batch, 6).astype("float32")
both = np.concatenate([real, fake])
labels = [1] * batch + [0] * batch
print(critic.train_on_batch(both, labels))
'''


def test_the_list_is_made_one_column_where_it_is_written(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "labels = [1] * batch")
    assert (finding["culprit"]["kind"], finding["culprit"]["line"]) == ("labels", line)
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "labels = np.array([1] * batch + [0] * batch).reshape(-1, 1)"


def test_a_list_of_another_length_than_the_data_is_not_read_as_labels(tmp_path):
    short = SCRIPT.replace("labels = [1] * batch + [0] * batch", "labels = [1] * batch")
    report, _, proc = run_json(run_cli, tmp_path, short)
    assert all("make the labels one array" not in f["title"] for f in report["findings"][0]["fixes"])
