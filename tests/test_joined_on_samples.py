"""Feature columns joined along the sample axis (real Keras).

Deep Learning with Python's chapter 5 adds 784 white-noise columns to MNIST with
``np.concatenate([train_images, noise], axis=1)``; written with ``axis=0`` (or ``np.vstack``) the
noise rows become 600 extra samples and ``fit`` finds 1200 inputs for 600 labels. The join is the
root cause, not the labels, and not "pass train_images instead" (one of the parts has the labels'
count): the fix joins the parts side by side, where they are joined (r433).
"""

from __future__ import annotations

import pytest
from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

train_images = np.random.rand(96, 20).astype("float32")
train_labels = np.random.randint(0, 10, size=(96,))
with_noise = np.concatenate(
    [train_images, np.random.rand(len(train_images), 20)], axis=0
)
model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(10, activation="softmax")])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(with_noise, train_labels, epochs=1, batch_size=32, verbose=0)
'''


@pytest.mark.parametrize("join, written", [
    ("np.concatenate(\n    [train_images, np.random.rand(len(train_images), 20)], axis=0\n)",
     "[train_images, np.random.rand(len(train_images), 20)], axis=1"),
    ("np.vstack([train_images, np.random.rand(len(train_images), 20)])",
     "with_noise = np.hstack([train_images, np.random.rand(len(train_images), 20)])"),
])
def test_the_join_is_the_root_cause_and_puts_the_parts_side_by_side(tmp_path, join, written):
    script = SCRIPT.replace("np.concatenate(\n    [train_images, np.random.rand(len(train_images), 20)], axis=0\n)", join)
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "with_noise = np.")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == written
    assert written in written_and_run(run_cli, tmp_path)
