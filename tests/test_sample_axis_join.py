"""Batches joined along another axis than the samples' (real Keras; r730).

A discriminator's batch of fake and real images joined with ``axis=-1`` glues each fake image to a real
one as extra channels: half the samples, twice the channels, against labels for all of them. The join
is the root cause and goes along the samples, ``axis=0``, proven by running the patched script; no
edit of the model is called verified, since none pairs the data with its labels.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

critic = keras.Sequential([keras.Input(shape=(8, 8, 1)), keras.layers.Flatten(),
                           keras.layers.Dense(1, activation="sigmoid")])
critic.compile(optimizer="adam", loss="binary_crossentropy")
rng = np.random.default_rng(2)
fake = rng.random((6, 8, 8, 1)).astype("float32")
real = rng.random((6, 8, 8, 1)).astype("float32")
batch = np.concatenate([fake, real], axis=3)
verdicts = np.concatenate([np.zeros((6, 1)), np.ones((6, 1))])
print(critic.train_on_batch(batch, verdicts))
'''


def test_the_join_goes_along_the_samples(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "batch = np.concatenate(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "batch = np.concatenate([fake, real], axis=0)"


def test_model_edits_are_not_verified_when_data_and_labels_do_not_pair(tmp_path):
    # no join to read: redeclaring the Input for 2 channels would still pair 6 samples with 12 labels
    # (10 against 20: a check on the first 8 of each would see equal counts)
    script = SCRIPT.replace("batch = np.concatenate([fake, real], axis=3)",
                            "batch = rng.random((10, 8, 8, 2)).astype(\"float32\")").replace(
        "np.concatenate([np.zeros((6, 1)), np.ones((6, 1))])", "np.zeros((20, 1))")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert not any(fix["verified"] and "Input(" in fix["code"] for fix in finding["fixes"])
