"""Constant labels filled in one shape for a model that scores every patch (real Keras).

A PatchGAN discriminator ends in a one-filter convolution: one real/fake score per image patch, by
design. The super-resolution GAN's author fills its labels in that shape
(``np.ones((batch_size,) + disc_patch)``); labels filled as ``(batch_size, 1)`` are the cause, and
flattening the model would undo its design (r548). A discriminator that ends in a ``Dense(1)`` without
``Flatten`` is the other case: there the model is wrong and the fill is not touched (t010).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

PATCH = '''import numpy as np
import keras
from keras import layers

critic = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(1, 3, padding="same", activation="sigmoid"),
])
critic.compile(loss="binary_crossentropy", optimizer="adam")

rng = np.random.default_rng(0)
n = 4
real = rng.random((n, 32, 32, 3)).astype("float32")
fake = rng.random((n, 32, 32, 3)).astype("float32")
real_y = np.ones((n, 1))
fake_y = np.zeros((n, 1))
for step in range(2):
    critic.train_on_batch(real, real_y)
    critic.train_on_batch(fake, fake_y)
'''

DENSE_HEAD = PATCH.replace('layers.Conv2D(1, 3, padding="same", activation="sigmoid")',
                           'layers.Dense(1, activation="sigmoid")')


def test_the_fill_takes_the_output_shape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, PATCH)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PATCH, "real_y = np.ones((n, 1))")
    marked = [step["class"] for step in finding["path"] if step["role"] == "culprit"]
    assert marked == ["labels"]  # the path marks the fill, as the root cause line does
    first = finding["fixes"][0]
    assert first["code"].splitlines() == ["real_y = np.ones((n,) + critic.output_shape[1:])",
                                          "fake_y = np.zeros((n,) + critic.output_shape[1:])"]
    written = written_and_run(run_cli, tmp_path)
    assert "fake_y = np.zeros((n,) + critic.output_shape[1:])" in written


def test_a_dense_head_without_flatten_keeps_the_fill(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, DENSE_HEAD)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(DENSE_HEAD, 'layers.Dense(1, activation="sigmoid")')
    assert not any("output_shape" in f["code"] for f in finding["fixes"])
