"""Labels filled for one batch while the data joins several (real Keras).

A discriminator trained on ``np.concatenate((real, fake))`` with targets ``np.zeros((half, 1))`` then
``y[:half] = 1``: 16 labels for 32 images, and ``train_on_batch`` refuses the count. The fill's size is the root
cause; the fix writes ``2 * half``, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

half = 16
critic = keras.Sequential([keras.Input((12,)), layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
critic.compile(optimizer="adam", loss="binary_crossentropy")
for step in range(2):
    real = np.random.rand(half, 12)
    fake = np.random.rand(half, 12) * 2 - 1
    x = np.concatenate((real, fake))
    y = np.zeros((half, 1))
    y[:half] = 1.0
    print(critic.train_on_batch(x, y))
'''


def test_the_fill_is_sized_for_every_joined_batch(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y = np.zeros((half, 1))")
    assert finding["fixes"][0]["code"] == "y = np.zeros((2 * half, 1))" and finding["fixes"][0]["proven"]


def test_parts_as_wide_as_the_model_are_not_meant_side_by_side(tmp_path):
    # each part has the 12 features the model declares: joining them on axis 1 would make 24, so the join on
    # axis 0 is not the cause (it was read that way before)
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert report["findings"][0]["culprit"]["kind"] == "labels"
    assert "axis=1" not in " ".join(f["code"] for f in report["findings"][0]["fixes"])
